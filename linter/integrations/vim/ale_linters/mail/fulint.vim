" Description: fulint (follow-up note linter) for mail buffers; see
" autoload/fulint/ale.vim for the options.

call fulint#ale#Define('mail')
