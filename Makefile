# Build and install a self-contained topolint binary.
#
#   make                      # release build: Swift runtime and libyaml linked in
#   make install              # into $(PREFIX)/bin (default /usr/local/bin)
#   make install PREFIX=$HOME/.local
#   make install DESTDIR=/tmp/stage PREFIX=/usr   # staged, for packaging
#   make uninstall
#
# The binary links the Swift standard library statically (--static-swift-stdlib) and libyaml from its archive (libyaml-dev ships libyaml.a), so it
# runs on a machine without a Swift toolchain or libyaml. libedit (line editing in
# `topolint explore`) stays a shared library: its archive needs the archives of ncurses'
# libtinfo, libbsd and libmd linked after it, an order SwiftPM's link line for a system
# library does not give. So the binary needs libc, libstdc++6 and libgcc-s1 (the static
# Swift runtime uses them) and libedit2 (with its libtinfo6, libbsd0 and libmd0), which
# Debian and Ubuntu systems have or get with `apt-get install libedit2`. The NetBox and
# Nautobot importers load the system's libcurl (libcurl4) when they make a request; nothing
# else needs it.
# The rule packs are embedded in the binary; nothing else needs installing.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR := $(DESTDIR)$(PREFIX)/bin
SWIFT ?= swift
INSTALL ?= install

# SwiftPM links system libraries with the -L folders pkg-config gives, and GNU ld applies
# every -L to every -l, so the folder that comes first decides between libyaml.so and
# libyaml.a. This folder comes first: copies of the system's yaml-0.1 and libedit .pc files
# whose libdir is the folder itself, which holds libyaml.a (no libyaml.so, so -lyaml takes
# the archive) and a link to the system's libedit.so (which stays shared).
STATIC_LIBS := $(CURDIR)/.build/static-libs
SWIFT_BUILD := PKG_CONFIG_PATH="$(STATIC_LIBS)$${PKG_CONFIG_PATH:+:$$PKG_CONFIG_PATH}" \
	$(SWIFT) build -c release --static-swift-stdlib --product topolint

.PHONY: all build install uninstall bin-path static-libs
all: build

static-libs:
	@mkdir -p "$(STATIC_LIBS)"
	@for pc in yaml-0.1 libedit; do \
	  src=$$(pkg-config --variable=pcfiledir $$pc)/$$pc.pc; \
	  sed "s|^libdir=.*|libdir=$(STATIC_LIBS)|" "$$src" > "$(STATIC_LIBS)/$$pc.pc.new"; \
	  cmp -s "$(STATIC_LIBS)/$$pc.pc.new" "$(STATIC_LIBS)/$$pc.pc" || mv "$(STATIC_LIBS)/$$pc.pc.new" "$(STATIC_LIBS)/$$pc.pc"; \
	  rm -f "$(STATIC_LIBS)/$$pc.pc.new"; \
	done
	@yamldir=$$(pkg-config --variable=libdir yaml-0.1); editdir=$$(pkg-config --variable=libdir libedit); \
	if [ -f "$$yamldir/libyaml.a" ]; then ln -sfn "$$yamldir/libyaml.a" "$(STATIC_LIBS)/libyaml.a"; \
	else ln -sfn "$$yamldir/libyaml.so" "$(STATIC_LIBS)/libyaml.so"; echo "note: no libyaml.a; libyaml stays a shared library" >&2; fi; \
	ln -sfn "$$editdir/libedit.so" "$(STATIC_LIBS)/libedit.so"; \
	rm -f "$(STATIC_LIBS)/libcurl.so"

build: static-libs
	$(SWIFT_BUILD)

bin-path:
	@$(SWIFT_BUILD) --show-bin-path

install: build
	$(INSTALL) -d "$(BINDIR)"
	$(INSTALL) -s -m 0755 "$$($(SWIFT_BUILD) --show-bin-path)/topolint" "$(BINDIR)/topolint"

uninstall:
	rm -f "$(BINDIR)/topolint"
