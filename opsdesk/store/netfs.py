"""Is a path on a network share? (SQLite's WAL needs shared memory on one host.)"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Filesystem types (as /proc/mounts names them) that are served over the network.
NETWORK_FS_TYPES = frozenset({
    "cifs", "smb", "smb2", "smb3", "smbfs", "nfs", "nfs4", "ncpfs", "afs", "9p", "ceph",
    "glusterfs", "fuse.sshfs", "sshfs", "davfs", "fuse.davfs", "fuse.rclone", "webdav",
    "lustre", "gpfs", "ocfs2", "gfs2", "virtiofs", "fuse.glusterfs", "fuse.cephfs",
})
# Environment switch for tests and for people who know better than /proc/mounts.
FORCE_ENV = "OPSDESK_ASSUME_NETWORK_SHARE"


def _unescape(field: str) -> str:
    """/proc/mounts writes spaces, tabs and backslashes as octal escapes."""
    return (field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n")
            .replace("\\134", "\\"))


def filesystem_type(path: Path, mounts_file: str = "/proc/mounts") -> str | None:
    """The type of the filesystem holding ``path`` (longest mount-point prefix), if known."""
    target = os.path.realpath(Path(path).expanduser().absolute().parent
                              if not Path(path).is_dir() else path)
    try:
        with open(mounts_file, encoding="utf-8", errors="replace") as fh:
            lines = fh.readlines()
    except OSError:
        return None
    best, best_type = "", None
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point, fstype = _unescape(parts[1]), parts[2]
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_type = mount_point, fstype
    return best_type


def is_network_share(path: Path, mounts_file: str = "/proc/mounts") -> bool:
    """True for SMB/CIFS, NFS and similar mounts (and Windows UNC paths)."""
    forced = os.environ.get(FORCE_ENV)
    if forced is not None:
        return forced not in ("", "0", "no", "false")
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return True
    if sys.platform == "win32":  # a mapped network drive (Z:\plans\shop.db) has no /proc/mounts
        return windows_drive_is_remote(path)
    fstype = filesystem_type(path, mounts_file)
    return fstype is not None and fstype.lower() in NETWORK_FS_TYPES


DRIVE_REMOTE = 4  # GetDriveTypeW: a network drive


def windows_drive_is_remote(path: Path) -> bool:
    """Windows: is ``path`` on a drive letter mapped to a share (``net use Z: \\\\server\\x``)?"""
    import ctypes
    import ntpath  # (os.path on Windows; named so that the tests run it anywhere)

    drive = ntpath.splitdrive(ntpath.abspath(str(path)))[0]
    if not drive:
        return False
    kernel32 = getattr(ctypes, "windll").kernel32  # noqa: B009 - windll: Windows only
    return bool(kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE)
