// An OpenID Connect provider for the portal's tests and local trials only: any login name signs
// in (oidc-provider's built-in development login and consent pages), keys are made at start.
// Production uses the cooperative's own identity provider (docs/deployment.md).
//
// Environment: OIDC_PROVIDER_PORT (9000), OIDC_RP_CLIENT_ID, OIDC_RP_CLIENT_SECRET, and
// OIDC_REDIRECT_URIS (comma-separated callback addresses of the portal).
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PROVIDER_PORT || 9000);
const issuer = `http://127.0.0.1:${port}`;

function namesOf(login) {
  const [given, family = "Member"] = login.split(/[._-]/);
  const capital = (word) => word.charAt(0).toUpperCase() + word.slice(1);
  return { given_name: capital(given), family_name: capital(family) };
}

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_RP_CLIENT_ID || "portal",
      client_secret: process.env.OIDC_RP_CLIENT_SECRET || "portal-local-secret",
      redirect_uris: (process.env.OIDC_REDIRECT_URIS || "http://127.0.0.1:8000/oidc/callback/")
        .split(",")
        .filter(Boolean),
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
    },
  ],
  // The authorization code flow only with PKCE (S256), as the portal must use it.
  pkce: { required: () => true },
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name", "given_name", "family_name"],
  },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ["local-trials-only"] },
  async findAccount(ctx, id) {
    const names = namesOf(id);
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          email: `${id}@members.example`,
          email_verified: true,
          name: `${names.given_name} ${names.family_name}`,
          ...names,
        };
      },
    };
  },
});

provider.listen(port, "127.0.0.1", () => {
  console.log(`OpenID provider for tests on ${issuer}`);
});
