// Writes records, one JSON line each, to stdout or atomically to a file:
// the records go to a temporary file beside the target, renamed over it
// only when the run completes, so a failure never leaves half a file.
//
//   RecordWriter w("out.jsonl", /*pretty=*/false);
//   w.write(record);  ...  w.commit();   // or the destructor removes the temporary
//
// Not thread-safe: one writer thread. Errors are thrown as std::runtime_error
// with the path and the system's reason; a closed pipe is reported as
// RecordWriter::PipeClosed so the CLI can end quietly.
#pragma once

#include <cstdio>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace news {

class RecordWriter {
 public:
  struct PipeClosed : std::runtime_error { using std::runtime_error::runtime_error; };

  RecordWriter(std::string path, bool pretty);
  ~RecordWriter();
  void write(const nlohmann::ordered_json& record);
  void write_raw(const std::string& line);
  void commit();
  // Removes the temporary file (from a signal handler too: async-signal-safe).
  static void remove_temporary_now();

 private:
  std::string path_, tmp_;
  FILE* out_ = nullptr;
  bool pretty_ = false, committed_ = false;
  void check(int rc);
};

}  // namespace news
