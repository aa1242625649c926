" check_ale.vim - ALE with the fulint linter on a mail buffer, run for real
" (asynchronous jobs), then the location list against fulint's own JSON.
" Needs g:fulint, g:file, g:out, g:ale_dir (ALE's runtime folder), g:integ.
source <sfile>:h/check_common.vim
let g:ale_linters = {'mail': ['fulint'], 'text': ['fulint']}
let g:ale_fulint_executable = g:fulint
let g:ale_lint_on_text_changed = 'never'
let g:ale_lint_on_enter = 0
let g:ale_lint_on_filetype_changed = 0
let g:ale_set_loclist = 1
let g:ale_set_highlights = 0
let g:ale_echo_cursor = 0
execute 'set runtimepath^=' . fnameescape(g:ale_dir)
execute 'set runtimepath+=' . fnameescape(g:integ . '/vim')
filetype plugin on
runtime plugin/ale.vim
execute 'edit ' . fnameescape(g:file)
set filetype=mail
call Ok(index(map(ale#linter#Get('mail'), 'v:val.name'), 'fulint') >= 0, 'ALE knows the fulint linter for mail')
ALELint

" ALE starts its jobs from timers and handles their output in callbacks,
" which run while Vim sleeps: wait until a fulint job has finished, none
" is running, and the location list is filled.
function! s:Done() abort
  let l:finished = filter(copy(ale#history#Get(bufnr(''))), "v:val.status is# 'finished'")
  return !empty(l:finished) && !ale#engine#IsCheckingBuffer(bufnr('')) && !empty(getloclist(0))
endfunction
let s:waited = 0
while !s:Done() && s:waited < 20000
  sleep 50m
  let s:waited += 50
endwhile
call Ok(s:Done(), 'ALE ran fulint and filled the location list within 20 s',
      \ string(ale#history#Get(bufnr(''))))
let s:ll = filter(getloclist(0), 'v:val.valid')
call CheckEntries('ALE', s:ll, g:file, getline(1, '$'),
      \ {'error': 'E', 'warning': 'W', 'suggestion': 'I'})
call Finish(g:out)
