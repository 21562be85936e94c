#include "io/writer.hpp"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace news {

namespace {
char g_tmp_path[4096] = {0};  // for the signal handler
}

RecordWriter::RecordWriter(std::string path, bool pretty) : path_(std::move(path)), pretty_(pretty) {
  if (path_.empty() || path_ == "-") {
    out_ = stdout;
    return;
  }
  tmp_ = path_ + ".tmp-" + std::to_string(::getpid());
  out_ = std::fopen(tmp_.c_str(), "wb");
  if (!out_) throw std::runtime_error(tmp_ + ": " + std::strerror(errno));
  std::snprintf(g_tmp_path, sizeof g_tmp_path, "%s", tmp_.c_str());
}

RecordWriter::~RecordWriter() {
  if (out_ && out_ != stdout) std::fclose(out_);
  if (!tmp_.empty() && !committed_) {
    std::remove(tmp_.c_str());
    g_tmp_path[0] = 0;
  }
}

void RecordWriter::remove_temporary_now() {
  if (g_tmp_path[0]) ::unlink(g_tmp_path);
}

void RecordWriter::check(int rc) {
  if (rc >= 0 && !std::ferror(out_)) return;
  const int err = errno;
  if (err == EPIPE) throw PipeClosed("output pipe closed");
  throw std::runtime_error((tmp_.empty() ? std::string("standard output") : path_) + ": cannot write: " + std::strerror(err));
}

void RecordWriter::write(const nlohmann::ordered_json& record) {
  write_raw(record.dump(pretty_ ? 2 : -1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

void RecordWriter::write_raw(const std::string& line) {
  check(int(std::fwrite(line.data(), 1, line.size(), out_)) == int(line.size()) ? 0 : -1);
  check(std::fputc('\n', out_) == EOF ? -1 : 0);
}

void RecordWriter::commit() {
  check(std::fflush(out_) == 0 ? 0 : -1);
  if (out_ == stdout) return;
  if (::fsync(::fileno(out_)) != 0 && errno != EINVAL) check(-1);
  if (std::fclose(out_) != 0) { out_ = nullptr; throw std::runtime_error(path_ + ": cannot write: " + std::strerror(errno)); }
  out_ = nullptr;
  if (std::rename(tmp_.c_str(), path_.c_str()) != 0)
    throw std::runtime_error(path_ + ": cannot rename the temporary file into place: " + std::strerror(errno));
  committed_ = true;
  g_tmp_path[0] = 0;
}

}  // namespace news
