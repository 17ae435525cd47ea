# eksdoc — build, test and publish the example site.
#   make site   build the example site from content/ into site/
#   make test   run every test (unit, fixtures, moto_server, python-hcl2 cross-check, site check)
#   make fuzz   run the libFuzzer targets for a bounded time (FUZZ_SECONDS per target, default 60)
#   make bench  benchmarks against Hugo and MkDocs Material; figures are printed (docs/performance.md keeps them)
# Both install what they need first (Debian packages, Python tools) when it is missing.

SWIFT        ?= swift
BUILD_FLAGS  ?=
EKSDOC       := .build/debug/eksdoc
APT_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libgraphviz-dev graphviz weasyprint poppler-utils chromium
PY_MODULES   := hcl2:python-hcl2 moto:moto[server] awscli:awscli flask_cors:flask-cors websocket:websocket-client

.PHONY: all deps apt-deps pip-deps build build-tests test unit-tests site-check site fuzz bench clean

all: build

deps: apt-deps pip-deps

apt-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

pip-deps:
	@missing=""; for m in $(PY_MODULES); do mod=$${m%%:*}; pkg=$${m#*:}; \
	  python3 -c "import $$mod" >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	command -v moto_server >/dev/null 2>&1 || missing="$$missing moto[server]"; \
	command -v aws >/dev/null 2>&1 || missing="$$missing awscli"; \
	if [ -n "$$missing" ]; then echo "installing Python packages:$$missing"; python3 -m pip install --quiet $$missing; fi

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

build-tests: deps
	$(SWIFT) build --build-tests $(BUILD_FLAGS)

# Unit and integration tests. Tests that need moto_server start it on loopback through scripts/with-moto and stop it after.
unit-tests: build-tests
	$(SWIFT) test --skip-build $(BUILD_FLAGS)

# The committed site/ must be exactly what content/ produces.
site-check: build
	$(EKSDOC) build content --out site --check

test: unit-tests site-check

site: build
	$(EKSDOC) build content --out site
	$(EKSDOC) handout --pdf --out site/handout.pdf

fuzz: deps
	scripts/fuzz

bench: deps
	scripts/bench/run

clean:
	rm -rf .build .build-fuzz
