# Convenience aliases; dev.py does the work and needs nothing but Python 3.11+.
.PHONY: run test bench
run:
	python3 dev.py run
test:
	python3 dev.py test
bench:
	python3 dev.py setup && .venv/bin/python benchmarks/bench_answer.py
