"""Start OpsDesk (``python main.py [--db PATH|URL] [--lang zh_CN|en] [--user LOGIN]``)."""

if __name__ == "__main__":
    import sys

    from opsdesk import preload

    preload.start_from_argv(sys.argv[1:])  # the collector waits until the data shows: see opsdesk/preload.py

    from opsdesk.app import main

    raise SystemExit(main())
