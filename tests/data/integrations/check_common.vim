" check_common.vim - shared by check_compiler.vim and check_ale.vim.
" CheckEntries(entries, file, source_lines): compares quickfix/location
" entries with what fulint itself reports for FILE in its JSON format
" (byte columns), and checks that the text at each entry's position is the
" finding's match.  Appends 'ok ...' / 'FAIL ...' lines to g:results.
let g:results = []

function! Ok(cond, name, ...) abort
  call add(g:results, (a:cond ? 'ok   ' : 'FAIL ') . a:name . (a:cond || a:0 == 0 ? '' : ': ' . a:1))
endfunction

" fulint's own findings for FILE (JSON, byte columns), sorted as fulint sorts.
function! FulintFindings(file) abort
  let l:out = system(shellescape(g:fulint) . ' --format json --column-unit byte --no-exit '
        \ . shellescape(a:file))
  call Ok(v:shell_error == 0, 'fulint --format json runs', l:out)
  let l:doc = json_decode(l:out)
  return l:doc.files[0].findings
endfunction

function! CheckEntries(what, entries, file, lines, typemap) abort
  let l:want = FulintFindings(a:file)
  call Ok(len(l:want) > 0, a:what . ': fulint reports findings for ' . a:file)
  call Ok(len(a:entries) == len(l:want), a:what . ': one entry per finding',
        \ len(a:entries) . ' entries, ' . len(l:want) . ' findings: ' . string(a:entries))
  let l:i = 0
  for l:f in l:want
    if l:i >= len(a:entries)
      break
    endif
    let l:e = a:entries[l:i]
    let l:tag = a:what . ' #' . (l:i + 1) . ' ' . l:f.rule . ' ' . l:f.line . ':' . l:f.column
    call Ok(bufname(l:e.bufnr) ==# a:file, l:tag . ': file', bufname(l:e.bufnr))
    call Ok(l:e.lnum == l:f.line, l:tag . ': line', string(l:e.lnum))
    call Ok(l:e.col == l:f.column, l:tag . ': column', string(l:e.col))
    call Ok(l:e.type ==# a:typemap[l:f.level], l:tag . ': type', l:e.type)
    call Ok(stridx(l:e.text, l:f.message) >= 0 || stridx(l:f.message, l:e.text) == 0
          \ || stridx(l:e.text, l:f.rule) >= 0 && stridx(l:e.text, l:f.message[0:20]) >= 0,
          \ l:tag . ': text', l:e.text)
    if !l:f.whole_note
      let l:at = strpart(a:lines[l:e.lnum - 1], l:e.col - 1)
      call Ok(stridx(l:at, l:f.match) == 0, l:tag . ': the text at the position is the match "'
            \ . l:f.match . '"', l:at)
      if get(l:e, 'end_col', 0) > 0 && get(l:e, 'end_lnum', 0) == l:e.lnum
        let l:span = strpart(a:lines[l:e.lnum - 1], l:e.col - 1, l:e.end_col - l:e.col + 1)
        call Ok(l:span ==# l:f.match, l:tag . ': the span col..end_col is the match', l:span)
      endif
    endif
    let l:i += 1
  endfor
endfunction

function! Finish(out) abort
  call writefile(g:results, a:out)
  qall!
endfunction
