from handouts.cli.main import main

main(prog_name="handouts")
