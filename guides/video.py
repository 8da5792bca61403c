"""Turns a YouTube or Vimeo address into the privacy-friendly player address loaded on click."""

import re
from urllib.parse import parse_qs, urlparse

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtu.be"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


def embed_url_for(url):
    """Return the embeddable player URL for a YouTube or Vimeo video, or None if unsupported."""
    parsed = urlparse(url or "")
    host = parsed.netloc.lower()
    if parsed.scheme not in {"http", "https"}:
        return None
    if host in YOUTUBE_HOSTS:
        if host.endswith("youtu.be"):
            video_id = parsed.path.strip("/")
        elif parsed.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parsed.path.split("/")[2]
        else:
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        if VIDEO_ID.match(video_id):
            # youtube-nocookie sets no tracking cookie until the member plays the video.
            return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    if host in VIMEO_HOSTS:
        video_id = parsed.path.rstrip("/").split("/")[-1]
        if video_id.isdigit():
            return f"https://player.vimeo.com/video/{video_id}?dnt=1&autoplay=1"
    return None
