# kgbuilder: `make demo` builds the bundled examples, `make test` runs the test suite.
# Both start from a fresh machine: they create .venv and install what they need.
# `make kgbuilder ARGS="entities out/graph.ttl"` runs the command from .venv.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out
STAMP  := $(VENV)/.installed

.PHONY: demo test venv sysdeps bench quality clean kgbuilder

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/kgbuilder build examples/ -o $(OUT)
	@echo
	@echo "Who attacked whom, with the evidence sentence (examples/queries/attacks.rq):"
	$(BIN)/kgbuilder query $(OUT)/graph.ttl -f examples/queries/attacks.rq
	@echo
	@echo "Open $(OUT)/graph.html in a browser to explore the graph."
	@echo
	@echo "The kgbuilder command is $(BIN)/kgbuilder. Run '. $(BIN)/activate' to type it as"
	@echo "kgbuilder in this shell, or use make: make kgbuilder ARGS=\"entities $(OUT)/graph.ttl\""

# The kgbuilder command without activating .venv: make kgbuilder ARGS="query out/graph.ttl -f q.rq"
kgbuilder: $(STAMP)
	@$(BIN)/kgbuilder $(ARGS)

# Debian packages the tests use, installed with apt-get as root when missing:
# raptor2-utils (rapper, an independent strict RDF parser) and chromium (a browser).
sysdeps:
	@bash scripts/sysdeps.sh

test: $(STAMP) sysdeps
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/speed.py --words 40000 --rounds 3

quality: $(STAMP)
	$(BIN)/python bench/quality.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
