#include "io/byte_stream.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

namespace news {

namespace {
gzFile gz(void* f) { return static_cast<gzFile>(f); }
}  // namespace

ByteStream::~ByteStream() { close(); }

bool ByteStream::open(const std::string& path) {
  close();
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error_ = std::strerror(errno);
    return false;
  }
  file_ = gzdopen(fd, "rb");
  if (!file_) {
    ::close(fd);
    error_ = "cannot open the file";
    return false;
  }
  gzbuffer(gz(file_), 256u << 10);
  return true;
}

bool ByteStream::open_stdin() {
  close();
  const int fd = ::dup(STDIN_FILENO);
  if (fd < 0 || !(file_ = gzdopen(fd, "rb"))) {
    if (fd >= 0) ::close(fd);
    error_ = "cannot read stdin";
    return false;
  }
  gzbuffer(gz(file_), 256u << 10);
  return true;
}

size_t ByteStream::read(char* out, size_t n) {
  if (!file_ || !error_.empty()) return 0;
  const int got = gzread(gz(file_), out, unsigned(std::min<size_t>(n, INT_MAX)));
  if (got > 0) return size_t(got);
  int code = Z_OK;
  const char* msg = gzerror(gz(file_), &code);
  if (code == Z_ERRNO) {
    error_ = std::strerror(errno);
  } else if (code != Z_OK && code != Z_STREAM_END) {
    corrupt_ = true;
    error_ = std::string("corrupt gzip data: ") + (msg && *msg ? msg : "unknown zlib error");
  }
  return 0;
}

uint64_t ByteStream::raw_bytes() const { return file_ ? uint64_t(std::max<z_off_t>(0, gzoffset(gz(file_)))) : 0; }

void ByteStream::close() {
  if (file_) gzclose_r(gz(file_));
  file_ = nullptr;
  corrupt_ = false;
  error_.clear();
}

}  // namespace news
