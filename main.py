"""Start OpsDesk (``python main.py [--db PATH|URL] [--lang zh_CN|en] [--user LOGIN]``)."""

from opsdesk.app import main

if __name__ == "__main__":
    raise SystemExit(main())
