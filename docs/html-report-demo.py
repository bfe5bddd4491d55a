# The program recorded for the README's screenshot of the HTML report (docs/html-report.png):
#   ./pyspy4j record -f html -o report.html -- python3 docs/html-report-demo.py
# The main thread counts words and writes a report; two threads checksum blocks of bytes.
import json
import threading
import time


def tokenize(text):
    return [word.strip(".,") for word in text.split()]


def count_words(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def analyse(document):
    words = tokenize(document)
    return count_words(words)


def render(report):
    return json.dumps(report, sort_keys=True, indent=2)


def checksum(block):
    digest = 0
    for byte in block:
        digest = (digest * 31 + byte) & 0xFFFFFFFF
    return digest


def hasher(stop):
    block = bytes(range(256)) * 64
    while not stop.is_set():
        checksum(block)


def main():
    stop = threading.Event()
    workers = [threading.Thread(target=hasher, args=(stop,), name="hasher-%d" % i) for i in range(2)]
    for worker in workers:
        worker.start()
    document = "The quick brown fox jumps over the lazy dog. " * 2000
    deadline = time.time() + 6
    while time.time() < deadline:
        report = analyse(document)
        render(report)
    stop.set()
    for worker in workers:
        worker.join()


if __name__ == "__main__":
    main()
