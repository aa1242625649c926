" ALE support for fulint, the linter for job-interview follow-up notes.
" The linter definitions are in ale_linters/{mail,text}/fulint.vim; this
" file holds what they share.  fulint reads the buffer on stdin and writes
" its JSON report (schema 1, see fulint's FORMATS.md) with byte columns,
" which is what ALE counts; --no-exit keeps findings from looking like a
" failure of the tool.
"
" Options (buffer-local b: variables override them):
"   g:ale_fulint_executable  the fulint program (default 'fulint')
"   g:ale_fulint_options     extra options, e.g. '--fail-level warning'

call ale#Set('fulint_executable', 'fulint')
call ale#Set('fulint_options', '')

function! fulint#ale#GetExecutable(buffer) abort
    return ale#Var(a:buffer, 'fulint_executable')
endfunction

function! fulint#ale#GetCommand(buffer) abort
    let l:name = fnamemodify(bufname(a:buffer), ':t')

    return '%e --format json --column-unit byte --no-exit --no-color'
    \   . ' --stdin-filename ' . ale#Escape(empty(l:name) ? 'draft' : l:name)
    \   . ale#Pad(ale#Var(a:buffer, 'fulint_options'))
    \   . ' -'
endfunction

function! s:Type(level) abort
    if a:level is# 'error'
        return 'E'
    elseif a:level is# 'warning'
        return 'W'
    endif

    return 'I'
endfunction

function! fulint#ale#Handle(buffer, lines) abort
    try
        let l:doc = json_decode(join(a:lines, "\n"))
    catch
        return []
    endtry

    if type(l:doc) isnot v:t_dict
        return []
    endif

    let l:output = []

    for l:file in get(l:doc, 'files', [])
        for l:f in get(l:file, 'findings', [])
            " In bytes, end_column is the first byte of the last character;
            " ALE wants the last byte, which the span's byte length gives.
            let l:end_col = l:f.line == l:f.end_line && l:f.length > 0
            \   ? l:f.column + l:f.length - 1
            \   : l:f.end_column
            call add(l:output, {
            \   'lnum': l:f.line,
            \   'col': l:f.column,
            \   'end_lnum': l:f.end_line,
            \   'end_col': l:end_col,
            \   'type': s:Type(l:f.level),
            \   'text': l:f.message,
            \   'code': l:f.rule,
            \})
        endfor
    endfor

    return l:output
endfunction

" Define the fulint linter for filetype a:filetype.
function! fulint#ale#Define(filetype) abort
    call ale#linter#Define(a:filetype, {
    \   'name': 'fulint',
    \   'executable': function('fulint#ale#GetExecutable'),
    \   'command': function('fulint#ale#GetCommand'),
    \   'callback': 'fulint#ale#Handle',
    \})
endfunction
