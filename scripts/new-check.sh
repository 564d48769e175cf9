#!/usr/bin/env bash
# Adds a check: scripts/new-check.sh coro-foo [one-sentence summary]
#
# Creates checks/FooCheck.h and .cpp (a starter rule built on the shared
# skeleton, to replace with the check's rules), registers it in
# checks/CoroTidyModule.cpp, and writes test/checks/coro-foo.cpp (a lit test
# that expects the starter rule's warning, so it fails until the check
# reports it) and docs/checks/coro-foo.md from docs/check-template.md.
# The build and lit pass right after it runs. See docs/adding-a-check.md.
set -euo pipefail
cd "$(dirname "$0")/.."

name="${1:-}"
summary="${2:-Finds TODO: what this check finds, in one sentence.}"
if ! [[ "$name" =~ ^coro-[a-z][a-z0-9]*(-[a-z0-9]+)*$ ]]; then
  echo "usage: scripts/new-check.sh coro-<kebab-case-name> [summary]" >&2
  exit 2
fi
# coro-lock-across-await -> LockAcrossAwait
camel=""
IFS=- read -ra words <<< "${name#coro-}"
for w in "${words[@]}"; do camel+="${w^}"; done
class="${camel}Check"
header="checks/${class}.h"
source="checks/${class}.cpp"
test="test/checks/${name}.cpp"
doc="docs/checks/${name}.md"
for f in "$header" "$source" "$test" "$doc"; do
  if [ -e "$f" ]; then echo "new-check.sh: $f exists" >&2; exit 1; fi
done
if grep -q "\"${name}\"" checks/CoroTidyModule.cpp; then
  echo "new-check.sh: ${name} is already registered" >&2
  exit 1
fi
guard="COROLINT_CHECKS_$(tr '[:lower:]' '[:upper:]' <<< "${class}")_H"
banner() { # banner <file> <what>: the LLVM-style first line, 80 columns.
  local text="//===--- $1 - $2 "
  local pad=$((75 - ${#text}))
  [ "$pad" -lt 3 ] && pad=3
  printf '%s%s===//' "$text" "$(printf '%*s' "$pad" '' | tr ' ' -)"
}

cat > "$header" <<EOF
$(banner "${class}.h" "${name}")

#ifndef ${guard}
#define ${guard}

#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::coro {

/// ${summary}
///
/// For the user-facing documentation see:
/// docs/checks/${name}.md
class ${class} : public ClangTidyCheck {
public:
  ${class}(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
};

} // namespace clang::tidy::coro

#endif
EOF

cat > "$source" <<EOF
$(banner "${class}.cpp" "${name}")

#include "${class}.h"
#include "utils/BodyValues.h"
#include "utils/Coroutines.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::coro {

${class}::${class}(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context) {}

void ${class}::storeOptions(ClangTidyOptions::OptionMap &Opts) {}

void ${class}::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(coroutineDefinition().bind("coroutine"), this);
}

void ${class}::check(const MatchFinder::MatchResult &Result) {
  const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  // The starter rule (replace it): every value the coroutine's own body
  // discards. BodyValues also gives its named locals with their uses.
  const BodyValues Values(*Coroutine);
  for (const DiscardedValue &D : Values.discarded())
    if (!D.VoidCast && !D.Value->getType()->isVoidType())
      diag(D.Value->getBeginLoc(), "%0 discards a value")
          << describeCoroutine(*Coroutine) << D.Value->getSourceRange();
}

} // namespace clang::tidy::coro
EOF

cat > "$test" <<EOF
// RUN: %check_corolint %s ${name} %t -- -- %coro_mock_flags

#include "cppcoro.h"

cppcoro::task<int> fetch(int);
int parse(const char *);

// Reported: replace with the check's positive cases, one construct each.
cppcoro::task<> reported() {
  parse("x");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: coroutine 'reported' discards a value [${name}]
  co_return;
}

// Not reported: the negative cases beside them.
int not_a_coroutine() { return parse("y"); }
EOF

sed -e "s/coro-NAME/${name}/g" -e "s/CLASS/${camel}/g" \
    -e "s|^SUMMARY (one sentence.*|${summary}|" \
    -e "/^checks\/${camel}Check.h).\$/d" docs/check-template.md > "$doc"

python3 - "$name" "$class" <<'EOF'
import re, sys
name, cls = sys.argv[1:]
path = "checks/CoroTidyModule.cpp"
text = open(path).read()
includes = re.findall(r'^#include "\w+Check\.h"\n', text, re.M)
text = text.replace(includes[-1], includes[-1] + '#include "%s.h"\n' % cls, 1)
regs = list(re.finditer(r"^    add<\w+>\(CheckFactories,.*?;\n", text, re.M | re.S))
end = regs[-1].end()
text = text[:end] + '    add<%s>(CheckFactories, "%s");\n' % (cls, name) + text[end:]
open(path, "w").write(text)
EOF

echo "new-check.sh: created $header $source $test $doc; registered in checks/CoroTidyModule.cpp"
echo "next: cmake --build build --target corolint && lit build/test --filter '${name}'"
