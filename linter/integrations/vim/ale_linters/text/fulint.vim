" Description: fulint (follow-up note linter) for text buffers; see
" autoload/fulint/ale.vim for the options.

call fulint#ale#Define('text')
