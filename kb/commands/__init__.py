"""One module per `kb` sub-command; each has register(subparsers) and run(args) -> exit status."""
