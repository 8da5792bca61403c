"""Search backends: modelsearch's, taught that the portal speaks three languages."""
