# gbl: the command line's sentences (src/).
