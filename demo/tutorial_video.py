"""Makes the demo's tutorial videos, with their captions, cover image and transcript.

A guide's video is written as slides in its demo text (`[guides.<language>.video]` in
demo/content/path_*.toml): a heading, a few short lines, and the sentences the narrator says. The
sound, the captions and the page's transcript all come from those sentences, so they say the
same words. For each such guide and language this writes, under demo/content/videos/:

    <guide key>.<language>.mp4  640x360, 5 frames a second, H.264 and mono AAC, narrated
    <guide key>.<language>.vtt  WebVTT captions: a cue per sentence, two lines at most each
    <guide key>.<language>.png  the first slide, the video's cover image
    <guide key>.<language>.txt  the transcript, as plain text

The narrator is espeak-ng (Belgian French, Dutch, British English); Pillow draws the slides and
ffmpeg encodes. Run it by hand after changing a video's text, check the length it prints against
the `duration` in the text, and commit what it writes: the demo loader (`manage.py load_demo`)
only reads these files and never runs this script.

    apt-get install -y ffmpeg espeak-ng fonts-dejavu-core
    .venv/bin/python -m demo.tutorial_video                 # every video, in every language
    .venv/bin/python -m demo.tutorial_video --language nl   # the Dutch ones only
"""

import argparse
import math
import re
import shutil
import subprocess
import tempfile
import textwrap
import wave
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from demo.sources import CONTENT_DIR, PATH_FILES, SOURCE_LANGUAGE, TARGET_LANGUAGES, read

VIDEO_DIR = CONTENT_DIR / "videos"
FILE_EXTENSIONS = {"video": "mp4", "captions": "vtt", "poster": "png", "transcript": "txt"}
VOICES = {"fr": "fr-be", "nl": "nl", "en": "en-gb"}
# ISO 639-2 codes, for the sound track's language tag.
AUDIO_LANGUAGES = {"fr": "fra", "nl": "nld", "en": "eng"}
WORDS_PER_MINUTE = 160  # A little slower than espeak-ng's 175, for members new to the words.

WIDTH, HEIGHT = 640, 360
FRAMES_PER_SECOND = 5  # Slides hold still: a few frames a second keep the file small.
MARGIN = 40
INK, PRIMARY, TINT = "#1b2a33", "#0b4f6c", "#e7f0f4"  # The portal's colours (portal.css).

# Seconds of silence before the first sentence, between sentences and after a slide's last one.
LEAD_IN, SENTENCE_PAUSE, SLIDE_PAUSE = 0.5, 0.3, 0.7
# Captions of at most two lines of 42 characters: the usual limit for reading in time.
CAPTION_LINE_LENGTH, CAPTION_LINES = 42, 2


def video_paths(guide_key, language):
    """The files of a guide's tutorial video in `language`, by what they are."""
    return {
        kind: VIDEO_DIR / f"{guide_key}.{language}.{extension}"
        for kind, extension in FILE_EXTENSIONS.items()
    }


def transcript_paragraphs(video):
    """The transcript of a video, one paragraph per slide: everything the narrator says."""
    return [" ".join(slide["narration"]) for slide in video["slides"]]


def videos_in_demo_text(languages):
    """(guide key, language, video text) for each video of the demo's paths."""
    for name in PATH_FILES:
        for guide in read(name)["guides"]:
            for language in languages:
                if "video" in guide[language]:
                    yield guide["key"], language, guide[language]["video"]


def command(name):
    path = shutil.which(name)
    if path is None:
        raise SystemExit(f"{name} is missing: apt-get install -y ffmpeg espeak-ng")
    return path


def run(*args):
    # Fixed local tools (found by `command`) with arguments this script builds.
    subprocess.run(args, check=True, capture_output=True)  # noqa: S603


def font(style, size):
    path = subprocess.run(  # noqa: S603
        [command("fc-match"), "--format=%{file}", f"DejaVu Sans:style={style}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return ImageFont.truetype(path, size)


def wrap(draw, text, typeface, width):
    """`text` cut into lines no wider than `width` pixels."""
    lines = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=typeface) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def draw_slide(slide, number, count, path):
    """One slide: a band with the path and the slide's number, a heading and its lines. The
    lower third stays empty for the captions."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    band, heading, body = font("Bold", 16), font("Bold", 32), font("Book", 23)
    draw.rectangle([0, 0, WIDTH, 44], fill=PRIMARY)
    draw.text((MARGIN, 22), "Smart Facile", font=band, fill="white", anchor="lm")
    draw.text((WIDTH - MARGIN, 22), f"{number} / {count}", font=band, fill="white", anchor="rm")
    y = 78
    for line in wrap(draw, slide["heading"], heading, WIDTH - 2 * MARGIN):
        draw.text((MARGIN, y), line, font=heading, fill=INK)
        y += 42
    y += 16
    for item in slide["lines"]:
        draw.rounded_rectangle([MARGIN, y + 9, MARGIN + 10, y + 19], radius=2, fill=PRIMARY)
        for line in wrap(draw, item, body, WIDTH - 2 * MARGIN - 24):
            draw.text((MARGIN + 24, y), line, font=body, fill=INK)
            y += 32
        y += 8
    draw.rectangle([0, HEIGHT - 8, WIDTH, HEIGHT], fill=TINT)
    image.save(path, optimize=True)


def caption_lines(text):
    """`text` on as few lines as fit, of about even length."""
    for width in range(math.ceil(len(text) / CAPTION_LINES), CAPTION_LINE_LENGTH + 1):
        lines = textwrap.wrap(text, width)
        if len(lines) <= CAPTION_LINES:
            return lines
    return textwrap.wrap(text, CAPTION_LINE_LENGTH)


def caption_cues(start, end, sentence):
    """Cues showing `sentence` from `start` to `end`: as few as hold it in two lines each, of
    even length, each shown for its share of the characters."""
    # French puts a space before ? ! : ; and no line may start with one.
    words = re.sub(r" ([?!:;])", "\u00a0\\1", sentence).split(" ")
    count = math.ceil(len(textwrap.wrap(sentence, CAPTION_LINE_LENGTH)) / CAPTION_LINES)
    chunks, length = [[]], 0
    for word in words:
        if chunks[-1] and len(chunks) < count and length + len(word) > len(sentence) / count:
            chunks.append([])
            length = 0
        chunks[-1].append(word)
        length += len(word) + 1
    texts = [" ".join(chunk) for chunk in chunks]
    characters = sum(len(text) for text in texts)
    cues, at = [], start
    for text in texts:
        seconds = (end - start) * len(text) / characters
        cues.append((at, at + seconds, "\n".join(caption_lines(text)).replace("\u00a0", " ")))
        at += seconds
    return cues


def narrate(video, voice, workdir):
    """Speak every sentence into one WAV file; return its path, how long each slide shows, and
    the caption cues."""
    speak = [command("espeak-ng"), "-v", voice, "-s", str(WORDS_PER_MINUTE)]
    pieces, cues, slide_seconds = [], [], []
    at = LEAD_IN
    for number, slide in enumerate(video["slides"]):
        slide_start = 0.0 if number == 0 else at
        for position, sentence in enumerate(slide["narration"]):
            path = workdir / f"sentence-{number}-{position}.wav"
            run(*speak, "-w", path, sentence)
            with wave.open(str(path), "rb") as sound:
                params, frames = sound.getparams(), sound.readframes(sound.getnframes())
            seconds = len(frames) / (params.framerate * params.sampwidth * params.nchannels)
            last = position == len(slide["narration"]) - 1
            pieces.append((frames, SLIDE_PAUSE if last else SENTENCE_PAUSE))
            cues.extend(caption_cues(at, at + seconds, sentence))
            at += seconds + (SLIDE_PAUSE if last else SENTENCE_PAUSE)
        slide_seconds.append(at - slide_start)
    narration = workdir / "narration.wav"
    with wave.open(str(narration), "wb") as out:
        out.setparams(params)
        silence = bytes(params.sampwidth * params.nchannels)
        out.writeframes(silence * round(LEAD_IN * params.framerate))
        for frames, pause in pieces:
            out.writeframes(frames + silence * round(pause * params.framerate))
    return narration, slide_seconds, cues


def timestamp(seconds):
    minutes, seconds = divmod(seconds, 60)
    return f"{int(minutes // 60):02d}:{int(minutes % 60):02d}:{seconds:06.3f}"


def write_captions(cues, path):
    blocks = ["WEBVTT"]
    for number, (start, end, text) in enumerate(cues, start=1):
        blocks.append(f"{number}\n{timestamp(start)} --> {timestamp(end)}\n{text}")
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")


def make_video(guide_key, language, video):
    """Write the video, captions, cover image and transcript of one guide in one language;
    return the video's length in seconds."""
    paths = video_paths(guide_key, language)
    VIDEO_DIR.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as directory:
        workdir = Path(directory)
        narration, slide_seconds, cues = narrate(video, VOICES[language], workdir)
        slides = []
        for number, slide in enumerate(video["slides"], start=1):
            slides.append(workdir / f"slide-{number}.png")
            draw_slide(slide, number, len(video["slides"]), slides[-1])
        # ffmpeg's concat list: each slide for its time; the last one repeated, as it asks.
        playlist = workdir / "slides.txt"
        playlist.write_text(
            "".join(
                f"file '{slide}'\nduration {seconds:.3f}\n"
                for slide, seconds in zip(slides, slide_seconds, strict=True)
            )
            + f"file '{slides[-1]}'\n"
        )
        run(
            command("ffmpeg"), "-y", "-loglevel", "error",
            "-f", "concat", "-safe", "0", "-i", playlist, "-i", narration,
            "-map", "0:v", "-map", "1:a",
            "-vf", f"fps={FRAMES_PER_SECOND},format=yuv420p",
            "-c:v", "libx264", "-preset", "veryslow", "-tune", "stillimage", "-crf", "28",
            "-profile:v", "main", "-g", str(10 * FRAMES_PER_SECOND),
            "-c:a", "aac", "-b:a", "40k", "-ac", "1",
            "-metadata:s:a:0", f"language={AUDIO_LANGUAGES[language]}",
            # The same text makes the same file: no date or encoder version inside.
            "-map_metadata", "-1", "-fflags", "+bitexact",
            "-flags:v", "+bitexact", "-flags:a", "+bitexact",
            "-movflags", "+faststart", "-shortest", paths["video"],
        )  # fmt: skip
        shutil.copyfile(slides[0], paths["poster"])
    write_captions(cues, paths["captions"])
    paths["transcript"].write_text(
        "\n\n".join([video["title"], *transcript_paragraphs(video)]) + "\n", encoding="utf-8"
    )
    return sum(slide_seconds)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=[SOURCE_LANGUAGE, *TARGET_LANGUAGES])
    options = parser.parse_args()
    languages = [options.language] if options.language else [SOURCE_LANGUAGE, *TARGET_LANGUAGES]
    for guide_key, language, video in videos_in_demo_text(languages):
        seconds = make_video(guide_key, language, video)
        size = video_paths(guide_key, language)["video"].stat().st_size
        print(f"{guide_key}.{language}.mp4: {seconds:.0f} s, {size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
