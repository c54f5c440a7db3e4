#!/usr/bin/env bash
# The WordPress plugin's checks: `php -l` on every PHP file, `node --check` on the editor script
# when Node is there, then the PHPUnit tests on WordPress stubs (no WordPress install needed).
# Debian packages: php-cli and phpunit.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v php >/dev/null 2>&1; then
  echo "wordpress/tests/run.sh: php not installed, skipping (sudo apt-get install -y php-cli phpunit)."
  exit 0
fi

lint_failed=0
linted=0
while IFS= read -r -d '' file; do
  linted=$((linted + 1))
  if ! output=$(php -l "$file" 2>&1); then
    echo "$output"
    lint_failed=1
  fi
done < <(find . -name '*.php' -not -path './vendor/*' -print0)
if [ "$lint_failed" -ne 0 ]; then
  echo "PHP lint failed."
  exit 1
fi
echo "php -l: $linted files, no syntax errors."

if command -v node >/dev/null 2>&1; then
  node --check blocks/editor.js
fi

if ! command -v phpunit >/dev/null 2>&1; then
  echo "wordpress/tests/run.sh: phpunit not installed, skipping the unit tests (sudo apt-get install -y phpunit)."
  exit 0
fi

phpunit -c tests/phpunit.xml
