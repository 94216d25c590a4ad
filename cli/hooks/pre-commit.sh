#!/bin/sh
# localstack-guard pre-commit hook: refuses a commit whose staged changes add a LocalStack token.
# Install: cp cli/hooks/pre-commit.sh .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit
# Without the CLI it lets the commit through and says so: a hook that blocks every commit gets deleted.
if command -v localstack-guard >/dev/null 2>&1; then
  exec localstack-guard scan --staged
fi
echo "localstack-guard: not installed, so this commit was NOT scanned for LocalStack tokens. Install it (npm install --global <tarball>, see the README's CLI section), or remove .git/hooks/pre-commit." >&2
exit 0
