from handouts.cli.main import main

main()
