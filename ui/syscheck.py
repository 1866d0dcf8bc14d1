"""``python3 -m ui.syscheck [--tests]``: the system libraries and a Chinese font that Qt needs on Linux
(and, for the tests, Debian's PostgreSQL server).

Run by ``make run`` and ``make test`` before anything starts Qt (with the system Python: it needs
nothing but the standard library). Qt's xcb platform aborts with one misleading line when any of a
dozen libraries is missing ("xcb-cursor0 … is needed"); this names every missing package at once.
As root with apt-get, it installs them; otherwise it stops with the exact command to run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

#: Shared libraries Qt loads on Linux (xcb platform, EGL/GL, keyboard, fonts) → Debian package.
LIBRARIES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}
FONT_PACKAGE = "fonts-noto-cjk"
#: The tests (``--tests``) also start a real PostgreSQL server, as the team's server is.
SERVER_PACKAGE = "postgresql"


def has_server() -> bool:
    import glob

    return bool(glob.glob("/usr/lib/postgresql/*/bin/initdb")) or shutil.which("initdb") is not None


def missing_packages(ldconfig_output: str, fonts_output: str | None) -> list[str]:
    """Packages to install, from ``ldconfig -p`` and ``fc-list :lang=zh`` (None: no fc-list)."""
    missing = [pkg for soname, pkg in LIBRARIES.items() if soname not in ldconfig_output]
    if not (fonts_output or "").strip():
        missing.append(FONT_PACKAGE)
    return list(dict.fromkeys(missing))


def _run(cmd: list[str]) -> str | None:
    if shutil.which(cmd[0]) is None:
        return None
    return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout


def check(tests: bool = False) -> list[str]:
    server = [] if not tests or has_server() else [SERVER_PACKAGE]
    ldconfig = _run(["ldconfig", "-p"]) or _run(["/sbin/ldconfig", "-p"])
    if ldconfig is None:
        return server  # no way to tell here: let Qt speak for itself
    return missing_packages(ldconfig, _run(["fc-list", ":lang=zh"])) + server


def install(packages: list[str]) -> bool:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    update = subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
    done = subprocess.run(["apt-get", "install", "-y", "-qq", *packages], env=env, check=False,
                          stdout=subprocess.DEVNULL)
    return update.returncode == 0 and done.returncode == 0


def main(argv: list[str] | None = None) -> int:
    if not sys.platform.startswith("linux"):
        return 0
    tests = "--tests" in (sys.argv[1:] if argv is None else argv)
    missing = check(tests)
    if not missing:
        return 0
    command = "apt-get install -y " + " ".join(missing)
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"正在安装图形界面所需的系统组件：{' '.join(missing)}", flush=True)
        if install(missing) and not check(tests):
            return 0
    print("缺少所需的系统组件（图形界面 Qt 的库、中文字体；测试还要 PostgreSQL）：" + "、".join(missing),
          file=sys.stderr)
    print(f"请先运行：sudo {command}", file=sys.stderr)
    print("（Debian / Ubuntu 的包名；其他发行版请安装同名的库和一种中文字体。）", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
