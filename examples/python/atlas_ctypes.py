#!/usr/bin/env python3
"""atlas from Python through the C ABI (capi/atlas.h), with nothing but the standard library.

    python3 examples/python/atlas_ctypes.py build/capi/libatlas_c.so
    ATLAS_C_LIBRARY=build/capi/libatlas_c.so python3 examples/python/atlas_ctypes.py

Validates examples/valid/outbound-phone.json and examples/invalid/wrong-types.json and prints
their reports. The Atlas class below is a complete binding: import it from this file.
"""

import ctypes
import json
import os
import sys


class Atlas:
    """The C ABI of libatlas_c, with reports as dicts (the JSON of CONTRACT.md)."""

    def __init__(self, library_path):
        lib = ctypes.CDLL(library_path)
        # Reports come back as void*, not c_char_p: ctypes would copy a c_char_p into bytes and
        # drop the pointer, and the pointer is what atlas_free needs.
        for name in ("atlas_validate_request", "atlas_validate_response"):
            function = getattr(lib, name)
            function.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p]
            function.restype = ctypes.c_void_p
        lib.atlas_validate_call.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p]
        lib.atlas_validate_call.restype = ctypes.c_void_p
        # With lengths: a NUL in a Python string is a byte like any other, not the end.
        lib.atlas_validate_call_n.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t,
                                              ctypes.c_char_p]
        lib.atlas_validate_call_n.restype = ctypes.c_void_p
        lib.atlas_free.argtypes = [ctypes.c_void_p]
        lib.atlas_free.restype = None
        lib.atlas_rule_catalog.argtypes = []
        lib.atlas_rule_catalog.restype = ctypes.c_void_p
        for name in ("atlas_version", "atlas_tzdata_version"):  # static strings: never freed
            getattr(lib, name).argtypes = []
            getattr(lib, name).restype = ctypes.c_char_p
        self._lib = lib

    def _take(self, pointer):
        """The UTF-8 JSON at pointer, parsed; the C string is freed either way."""
        if not pointer:
            raise MemoryError("atlas: out of memory")
        try:
            return json.loads(ctypes.string_at(pointer).decode("utf-8"))
        finally:
            self._lib.atlas_free(pointer)

    @staticmethod
    def _options(options):
        # None: the library's defaults. Otherwise a dict such as {"strict": True,
        # "allowed_values": {"Position": ["bottom-right"]}, "max_diagnostics": 100}.
        return None if options is None else json.dumps(options).encode("utf-8")

    @staticmethod
    def _bytes(text):
        # surrogatepass: a lone surrogate in a str reaches the library (as the bytes CESU-8 would have), which
        # reports it, instead of raising here.
        return text.encode("utf-8", "surrogatepass") if isinstance(text, str) else bytes(text)

    def validate_request(self, text, options=None):
        data = self._bytes(text)
        return self._take(self._lib.atlas_validate_request(data, len(data), self._options(options)))

    def validate_response(self, text, options=None):
        data = self._bytes(text)
        return self._take(self._lib.atlas_validate_response(data, len(data), self._options(options)))

    def validate_call(self, id, api_key, options=None):
        id_bytes, key_bytes = self._bytes(id), self._bytes(api_key)
        return self._take(self._lib.atlas_validate_call_n(
            id_bytes, len(id_bytes), key_bytes, len(key_bytes), self._options(options)))

    def rule_catalog(self):
        return self._take(self._lib.atlas_rule_catalog())

    def version(self):
        return self._lib.atlas_version().decode("ascii")

    def tzdata_version(self):
        return self._lib.atlas_tzdata_version().decode("ascii")


def library_path(argv):
    """The library from the first argument, else $ATLAS_C_LIBRARY."""
    path = argv[1] if len(argv) > 1 else os.environ.get("ATLAS_C_LIBRARY")
    if not path:
        sys.exit("usage: atlas_ctypes.py LIBRARY (or set ATLAS_C_LIBRARY), e.g. build/capi/libatlas_c.so")
    return path


def main(argv):
    atlas = Atlas(library_path(argv))
    print(f"atlas {atlas.version()} (tzdata {atlas.tzdata_version()}), {len(atlas.rule_catalog())} rules")
    examples = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    for name in ("valid/outbound-phone.json", "invalid/wrong-types.json"):
        with open(os.path.join(examples, name), "rb") as f:
            report = atlas.validate_request(f.read())
        print(f"\n{name}: {'valid' if report['valid'] else 'invalid'}, "
              f"{report['errors']} errors, {report['warnings']} warnings")
        for d in report["diagnostics"]:
            print(f"  {d.get('line', '-')}:{d.get('column', '-')}: {d['severity']}: {d['message']} [{d['rule']}]")
            if "hint" in d:
                print(f"      hint: {d['hint']}")
        print("  " + json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
