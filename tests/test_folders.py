"""Where the app may read folders from, and where it keeps uploads (pipeline/folders.py)."""

import pytest

from pipeline.folders import FolderNotAllowed, allowed_path, folder_box_enabled, upload_path


@pytest.mark.parametrize("name", ["..", ".", "", "../../etc/passwd", "..\\..\\win.ini", "/abs/report.txt"])
def test_folders_upload_names_never_leave_their_folder(tmp_path, name):
    path = upload_path(str(tmp_path / "kb.sqlite"), name, b"content")
    assert path.parent.parent == tmp_path.resolve() / "uploads"
    assert path.name not in ("", ".", "..")


def test_folders_same_name_other_content_other_place(tmp_path):
    store = str(tmp_path / "kb.sqlite")
    assert upload_path(store, "report.txt", b"one") != upload_path(store, "report.txt", b"two")
    assert upload_path(store, "report.txt", b"one") == upload_path(store, "report.txt", b"one")


def test_folders_only_under_the_roots_after_links(tmp_path):
    root = tmp_path / "root"
    (root / "news").mkdir(parents=True)
    (root / "escape").symlink_to(tmp_path)
    assert allowed_path(str(root / "news"), [root.resolve()]) == (root / "news").resolve()
    for outside in (str(tmp_path), "/", str(root / "escape"), str(root / "news" / ".." / "..")):
        with pytest.raises(FolderNotAllowed, match="the app reads only folders under"):
            allowed_path(outside, [root.resolve()])


@pytest.mark.parametrize("address, enabled", [("127.0.0.1", True), ("localhost", True), ("::1", True), ("0.0.0.0", False), (None, False), ("", False)])
def test_folders_box_on_only_for_this_machine(monkeypatch, address, enabled):
    monkeypatch.delenv("KB_INGEST_FOLDERS", raising=False)
    assert folder_box_enabled(address) is enabled
    monkeypatch.setenv("KB_INGEST_FOLDERS", "1")
    assert folder_box_enabled(address) is True
