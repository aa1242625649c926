" Vim compiler file
" Compiler:  fulint, the linter for job-interview follow-up notes
"
" Use:  :compiler fulint   then   :make %   (or :make draft.txt)
" fills the quickfix list from fulint's `gnu` format:
"     FILE:LINE:COL: error|warning|note: MESSAGE [Style.Rule]
" Columns are asked for in bytes (--column-unit byte), which is what the
" quickfix list counts, so they are right on lines with accented letters.
" --no-exit keeps :make from treating findings as a failure of the tool.
" Extra fulint options: let g:fulint_makeprg_args = '--fail-level warning'
" (read when :compiler fulint runs).

if exists('current_compiler')
  finish
endif
let current_compiler = 'fulint'

if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

execute 'CompilerSet makeprg=' . escape('fulint --format gnu --column-unit byte --no-exit'
      \ . (empty(get(g:, 'fulint_makeprg_args', '')) ? '' : ' ' . g:fulint_makeprg_args), ' \|"')
" %t takes the first letter of error, warning or note (E, W, N).
CompilerSet errorformat=%f:%l:%c:\ %t%*[a-z]:\ %m

let &cpo = s:cpo_save
unlet s:cpo_save
