#include <cstdio>

#include "cli/commands.hpp"

namespace news::cli {

void print_profile(const Pipeline& pipeline, const RunStats& stats) {
  const auto nanos = pipeline.stage_nanos();
  uint64_t total = 0;
  for (auto n : nanos) total += n;
  std::fprintf(stderr, "%-12s %10s %7s\n", "stage", "seconds", "share");
  for (size_t i = 0; i < nanos.size(); ++i)
    std::fprintf(stderr, "%-12s %10.3f %6.1f%%\n", Pipeline::kStages[i], double(nanos[i]) / 1e9,
                 total ? 100.0 * double(nanos[i]) / double(total) : 0.0);
  std::fprintf(stderr, "%-12s %10.3f (CPU time in stages, all threads)\n", "total", double(total) / 1e9);
  std::fprintf(stderr, "wall %.3f s, %llu articles, %.1f articles/s, %.2f MB/s of text\n", stats.seconds,
               (unsigned long long)stats.processed, double(stats.processed) / std::max(stats.seconds, 1e-9),
               double(stats.bytes) / 1e6 / std::max(stats.seconds, 1e-9));
}

}  // namespace news::cli
