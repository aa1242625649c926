" check_compiler.vim - :compiler fulint, :make! FILE, then the quickfix list
" against fulint's own JSON.  Needs g:fulint, g:file, g:out (set by the test
" with --cmd); `fulint` must be in $PATH (the compiler's makeprg names it).
source <sfile>:h/check_common.vim
compiler fulint
call Ok(&l:makeprg =~# '^fulint --format gnu', ':compiler fulint sets makeprg', &l:makeprg)
execute 'silent make! ' . fnameescape(g:file)
let s:qf = filter(getqflist(), 'v:val.valid')
call CheckEntries('quickfix', s:qf, g:file, readfile(g:file),
      \ {'error': 'e', 'warning': 'w', 'suggestion': 'n'})
call Finish(g:out)
