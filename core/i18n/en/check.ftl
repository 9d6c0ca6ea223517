# gbl's sentences about answers (core/src/check): English.
# Each message is one sentence or clause; { $name } is an argument, already formatted by gbl
# (numbers as Python prints them). Keep the Korean file (../ko/check.ftl) in step: the same
# ids, the same arguments (tests/i18n_catalogue.rs checks both).

## Named mistakes (the "mistake" ids of gbl check's JSON)

mistake-add-gradient = you added the gradient instead of subtracting it: the update is x := x - lr·f'(x)
mistake-no-learning-rate = you left out the learning rate: the update is x := x - lr·f'(x) with lr = { $lr }
