#include "runner.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <span>
#include <thread>
#include <vector>

namespace news {

RunStats run_articles(ArticleReader& reader, Pipeline& pipeline, const RecordSink& sink, const RunOptions& options) {
  RunStats stats;
  const auto t0 = std::chrono::steady_clock::now();
  const unsigned threads = std::max(1u, options.threads);
  std::vector<Article> batch;
  std::vector<nlohmann::ordered_json> records;
  std::vector<std::string> texts;
  std::vector<std::vector<std::string>> error_codes;
  auto last_progress = t0;
  while (true) {
    batch.clear();
    size_t bytes = 0;
    while (batch.size() < options.batch_articles && bytes < options.batch_bytes) {
      auto a = reader.next();
      if (!a) break;
      if (options.shards && shard_of(a->id, options.shards) != options.shard) {
        ++stats.other_shards;
        continue;
      }
      if (options.duplicates)
        if (auto first = options.duplicates->check(*a)) {
          a->duplicate_of = std::move(*first);
          ++stats.duplicates;
        }
      bytes += a->text.size() + a->title.size();
      batch.push_back(std::move(*a));
    }
    if (batch.empty()) break;
    stats.bytes += bytes;
    const bool text = bool(options.text_sink);
    if (text) {
      texts.assign(batch.size(), {});
      error_codes.assign(batch.size(), {});
    } else {
      records.assign(batch.size(), {});
    }
    // Groups of articles run stage by stage: at most stage_group articles, no more than a
    // thread's share of the batch (every thread gets work), and no more than
    // stage_group_bytes of text unless one article alone is larger (memory: a group's
    // documents are all alive at once).
    std::vector<size_t> group_start;
    if (text) {
      const size_t share = (batch.size() + threads - 1) / threads;
      const size_t most = std::clamp<size_t>(share, 1, std::max<size_t>(1, options.stage_group));
      size_t count = 0, group_bytes = 0;
      for (size_t i = 0; i < batch.size(); ++i) {
        const size_t b = batch[i].text.size() + batch[i].title.size();
        if (i == 0 || count == most || (count > 0 && group_bytes + b > options.stage_group_bytes)) {
          group_start.push_back(i);
          count = 0;
          group_bytes = 0;
        }
        ++count;
        group_bytes += b;
      }
      group_start.push_back(batch.size());
    }
    std::atomic<size_t> next{0};
    auto work = [&] {
      if (text) {
        for (size_t g = next++; g + 1 < group_start.size(); g = next++) {
          const size_t i = group_start[g], n = group_start[g + 1] - i;
          pipeline.process_texts(std::span<Article>(batch).subspan(i, n), std::span<std::string>(texts).subspan(i, n),
                                 std::span<std::vector<std::string>>(error_codes).subspan(i, n));
        }
        return;
      }
      for (size_t i = next++; i < batch.size(); i = next++) records[i] = pipeline.process(std::move(batch[i]));
    };
    if (threads == 1 || batch.size() == 1) {
      work();
    } else {
      std::vector<std::thread> pool;
      for (unsigned t = 1; t < std::min<size_t>(threads, batch.size()); ++t) pool.emplace_back(work);
      work();
      for (auto& t : pool) t.join();
    }
    for (size_t i = 0; text && i < texts.size(); ++i) {
      ++stats.processed;
      if (!error_codes[i].empty()) ++stats.failed;
      for (const auto& code : error_codes[i]) ++stats.errors_by_code[code];
      options.text_sink(texts[i]);
    }
    for (auto& r : records) {
      ++stats.processed;
      const auto& errs = r["errors"];
      if (!errs.empty()) {
        ++stats.failed;
        for (const auto& e : errs) ++stats.errors_by_code[e.value("code", "unknown")];
      }
      sink(r);
    }
    if (options.progress) {
      const auto now = std::chrono::steady_clock::now();
      if (now - last_progress > std::chrono::milliseconds(500)) {
        last_progress = now;
        const double secs = std::chrono::duration<double>(now - t0).count();
        const double mbps = double(reader.bytes_read()) / 1e6 / std::max(secs, 1e-9);
        std::string eta;
        if (reader.known_input_bytes() > 0 && mbps > 0) {
          const double left = double(reader.known_input_bytes() - std::min(reader.known_input_bytes(), reader.bytes_read())) / 1e6 / mbps;
          eta = ", " + std::to_string(int(left)) + " s left";
        }
        std::fprintf(stderr, "\r%llu articles, %.1f MB/s%s   ", (unsigned long long)stats.processed, mbps, eta.c_str());
      }
    }
  }
  if (options.progress) std::fprintf(stderr, "\r%80s\r", "");
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return stats;
}

}  // namespace news
