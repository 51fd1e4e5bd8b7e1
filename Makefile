# Build and install a self-contained topolint binary.
#
#   make                      # release build: Swift runtime and libyaml linked in
#   make install              # into $(PREFIX)/bin (default /usr/local/bin)
#   make install PREFIX=$HOME/.local
#   make install DESTDIR=/tmp/stage PREFIX=/usr   # staged, for packaging
#   make uninstall
#
# The binary links the Swift standard library and Foundation statically
# (--static-swift-stdlib) and libyaml from its archive (libyaml-dev ships libyaml.a), so it
# runs on a machine without a Swift toolchain or libyaml. libedit (line editing in
# `topolint explore`) stays a shared library: its archive needs the archives of ncurses'
# libtinfo, libbsd and libmd linked after it, an order SwiftPM's link line for a system
# library does not give. So the binary needs libc and libedit2 (with its own libtinfo6 and
# libbsd0), which Debian and Ubuntu systems have or get with `apt-get install libedit2`.
# The rule packs are embedded in the binary; nothing else needs installing.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR := $(DESTDIR)$(PREFIX)/bin
SWIFT ?= swift
INSTALL ?= install

# A folder holding only the archives to link: the linker searches -L folders before the
# system's, and picks libyaml.a there over the system's libyaml.so.
STATIC_LIBS := $(CURDIR)/.build/static-libs
SWIFT_BUILD := $(SWIFT) build -c release --static-swift-stdlib --product topolint -Xlinker -L$(STATIC_LIBS)

.PHONY: all build install uninstall bin-path
all: build

build:
	@mkdir -p "$(STATIC_LIBS)"
	@libdir=$$(pkg-config --variable=libdir yaml-0.1 2>/dev/null); \
	if [ -n "$$libdir" ] && [ -f "$$libdir/libyaml.a" ]; then ln -sf "$$libdir/libyaml.a" "$(STATIC_LIBS)/libyaml.a"; \
	else rm -f "$(STATIC_LIBS)/libyaml.a"; echo "note: no libyaml.a; libyaml stays a shared library" >&2; fi
	$(SWIFT_BUILD)

bin-path:
	@$(SWIFT_BUILD) --show-bin-path

install: build
	$(INSTALL) -d "$(BINDIR)"
	$(INSTALL) -m 0755 "$$($(SWIFT_BUILD) --show-bin-path)/topolint" "$(BINDIR)/topolint"

uninstall:
	rm -f "$(BINDIR)/topolint"
