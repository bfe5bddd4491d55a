# The target of the --native tests of the interpreter's own compiled libraries: zlib (Debian's libz) or sha256
# (OpenSSL's libcrypto where hashlib uses it), on large buffers in a loop, from one Python function. The
# "# frame: module_<caller>" markers are the lines of <module> that call it.
# Arguments: "zlib" or "sha256", and a file to write which binary implements the work to.
import hashlib
import json
import random
import sys
import zlib

# Compressible but not trivial data, so that deflate searches for matches (longest_match) most of the time: a block of
# random words, longer than deflate's 32 KiB window, repeated to a few MiB.
random.seed(7)
WORDS = [("%x" % random.getrandbits(24)).encode("ascii") for _ in range(4096)]
BUFFER = b" ".join(random.choice(WORDS) for _ in range(16384)) * 64


def implementation(kind):
    if kind == "zlib":
        return getattr(zlib, "__file__", None)
    try:
        import _hashlib
        if "openssl" in repr(hashlib.sha256):
            return _hashlib.__file__
    except ImportError:
        pass
    module = sys.modules.get(type(hashlib.sha256()).__module__) or sys.modules.get("_sha256") \
        or sys.modules.get("_sha2")
    return getattr(module, "__file__", None)


def compress_caller():
    while True:
        zlib.compress(BUFFER, 9)  # frame: compress_caller


def hash_caller():
    while True:
        hashlib.sha256(BUFFER).digest()  # frame: hash_caller


kind = sys.argv[1]
with open(sys.argv[2], "w") as out:
    json.dump({"implementation": implementation(kind), "openssl": "openssl" in repr(hashlib.sha256)}, out)
sys.stdout.write("ready\n")
sys.stdout.flush()
if kind == "zlib":
    compress_caller()  # frame: module_compress_caller
else:
    hash_caller()  # frame: module_hash_caller
