// A file or stdin read as a stream of bytes, gzip-compressed or not (zlib
// tells by the magic bytes, so `feed.xml.gz` and `feed.xml` read alike).
// Nothing is ever unpacked to disk.
//
//   ByteStream in;
//   if (!in.open("feed.xml.gz")) report(in.error());
//   while (size_t n = in.read(buf, sizeof buf)) use(buf, n);
//   if (!in.error().empty()) report(in.error());  // e.g. a gzip file cut short
//
// Not thread-safe; one owner.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace news {

class ByteStream {
 public:
  ByteStream() = default;
  ByteStream(const ByteStream&) = delete;
  ByteStream& operator=(const ByteStream&) = delete;
  ~ByteStream();

  bool open(const std::string& path);  // false with error() set
  bool open_stdin();
  // Reads up to n bytes; 0 at the end or on an error (then error() says which).
  size_t read(char* out, size_t n);
  void close();
  bool is_open() const { return file_ != nullptr; }
  const std::string& error() const { return error_; }
  // True when the error is damage in the compressed data (not an I/O error).
  bool corrupt() const { return corrupt_; }
  uint64_t raw_bytes() const;  // compressed bytes consumed so far (for progress)

 private:
  void* file_ = nullptr;  // gzFile
  bool corrupt_ = false;
  std::string error_;
};

}  // namespace news
