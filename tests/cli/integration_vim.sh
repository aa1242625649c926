#!/usr/bin/env bash
# Vim (Debian package) headless: `:compiler fulint` + `:make!` fills the
# quickfix list, and ALE (Debian vim-ale) with the fulint linter fills the
# location list, with the file, line, byte column, type and text fulint
# reports (checked against fulint's JSON, and against the buffer's text).
#
#   bash tests/cli/integration_vim.sh FULINT SOURCE_DIR BUILD_DIR
# shellcheck source=../data/integrations/lib.sh
. "$(dirname "$0")/../data/integrations/lib.sh"

command -v vim > /dev/null 2>&1 || skip_all "vim is not installed (Debian package vim)"
cd "$work" || exit 2
mkdir -p bin && ln -s "$fulint" bin/fulint
export PATH=$work/bin:$PATH
cp "$data/draft.txt" draft.txt

# tally FILE: count the ok/FAIL lines a Vim check wrote.
tally() {
  local line
  if [ ! -s "$1" ]; then bad "$2: the Vim script reported nothing" "$(cat vim.log 2>/dev/null)"; return; fi
  while IFS= read -r line; do
    case $line in
      'ok   '*) ok "${line#ok   }" ;;
      *) bad "${line#FAIL }" ;;
    esac
  done < "$1"
}

# 1. :compiler fulint
timeout 60 vim -Nu NONE -i NONE -es \
  --cmd "let g:fulint='$fulint' | let g:file='draft.txt' | let g:out='$work/compiler.out'" \
  --cmd "set runtimepath^=$integ/vim" \
  -S "$data/check_compiler.vim" > vim.log 2>&1
tally compiler.out ":compiler fulint"

# 2. ALE, if installed
ale_dir=
for d in /usr/share/vim-ale /usr/share/vim/vimfiles/pack/dist-bundle/opt/ale "$HOME/.vim/pack/*/start/ale"; do
  if [ -f "$d/plugin/ale.vim" ]; then ale_dir=$d; break; fi
done
if [ -z "$ale_dir" ]; then
  echo "note: ALE is not installed (Debian package vim-ale); its check is skipped"
else
  timeout 60 vim -Nu NONE -i NONE -es \
    --cmd "let g:fulint='$fulint' | let g:file='draft.txt' | let g:out='$work/ale.out'" \
    --cmd "let g:ale_dir='$ale_dir' | let g:integ='$integ'" \
    -S "$data/check_ale.vim" > vim.log 2>&1
  tally ale.out "ALE"
fi

finish
