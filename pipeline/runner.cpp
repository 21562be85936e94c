#include "runner.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <memory>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace news {

namespace {

// One batch of articles, the records made from them, and how far the workers got.
struct Batch {
  std::vector<Article> articles;
  size_t bytes = 0;
  std::vector<nlohmann::ordered_json> records;        // without a text sink
  std::vector<std::string> texts;                     // with a text sink
  std::vector<std::vector<std::string>> error_codes;  // with a text sink
  std::vector<size_t> group_starts;
  std::unique_ptr<std::once_flag> prepared_flag = std::make_unique<std::once_flag>();
  std::unique_ptr<std::atomic<size_t>> next_item = std::make_unique<std::atomic<size_t>>(0);

  void clear() {
    articles.clear();
    bytes = 0;
    records.clear();
    texts.clear();
    error_codes.clear();
    group_starts.clear();
    prepared_flag = std::make_unique<std::once_flag>();
    next_item->store(0);
  }
};

class BatchRunner {
 public:
  BatchRunner(ArticleReader& reader, Pipeline& pipeline, const RecordSink& sink, const RunOptions& options)
      : reader_(reader), pipeline_(pipeline), sink_(sink), options_(options),
        threads_(std::max(1u, options.threads)), text_(bool(options.text_sink)) {}

  RunStats run() {
    t0_ = last_progress_ = std::chrono::steady_clock::now();
    Batch next, current, finished;
    read(next);
    while (!next.articles.empty()) {
      std::swap(current, next);
      next.clear();
      if (threads_ == 1) {
        process(current);
        write(current);
        current.clear();
        read(next);
        continue;
      }
      // While the workers process a batch, this thread writes the batch before it and
      // reads the one after it: the serial work (JSON parsing, output) overlaps theirs.
      std::vector<std::thread> pool;
      for (unsigned t = 0; t < threads_; ++t) pool.emplace_back([&] { process(current); });
      std::exception_ptr failure;  // a closed output, a broken input: join the workers first
      try {
        write(finished);
        finished.clear();
        read(next);
      } catch (...) {
        failure = std::current_exception();
      }
      for (auto& t : pool) t.join();
      if (failure) std::rethrow_exception(failure);
      std::swap(finished, current);
      current.clear();
    }
    write(finished);
    if (options_.progress) std::fprintf(stderr, "\r%80s\r", "");
    stats_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
    return stats_;
  }

 private:
  void read(Batch& batch) {
    while (batch.articles.size() < options_.batch_articles && batch.bytes < options_.batch_bytes) {
      auto a = reader_.next();
      if (!a) break;
      if (options_.shards && shard_of(a->id, options_.shards) != options_.shard) {
        ++stats_.other_shards;
        continue;
      }
      if (options_.duplicates)
        if (auto first = options_.duplicates->check(*a)) {
          a->duplicate_of = std::move(*first);
          ++stats_.duplicates;
        }
      batch.bytes += a->text.size() + a->title.size();
      batch.articles.push_back(std::move(*a));
    }
    stats_.bytes += batch.bytes;
  }

  // Groups of articles run stage by stage: at most stage_group articles, no more than a
  // worker's share of the batch (every worker gets work), and no more than stage_group_bytes
  // of text unless one article alone is larger (memory: a group's documents are all alive
  // at once). Smaller groups, four a worker, balanced better but ran 4% slower (colder caches).
  std::vector<size_t> group_starts(const Batch& batch) const {
    std::vector<size_t> starts;
    const size_t n = batch.articles.size();
    const size_t per_worker = threads_ == 1 ? n : (n + threads_ - 1) / threads_;
    const size_t most = std::clamp<size_t>(per_worker, 1, std::max<size_t>(1, options_.stage_group));
    size_t count = 0, group_bytes = 0;
    for (size_t i = 0; i < n; ++i) {
      const size_t b = batch.articles[i].text.size() + batch.articles[i].title.size();
      if (i == 0 || count == most || (count > 0 && group_bytes + b > options_.stage_group_bytes)) {
        starts.push_back(i);
        count = 0;
        group_bytes = 0;
      }
      ++count;
      group_bytes += b;
    }
    starts.push_back(n);
    return starts;
  }

  // Called by every worker at once: the first to arrive sizes the outputs and cuts the
  // batch into groups; then each takes groups until none is left.
  void process(Batch& batch) {
    std::call_once(*batch.prepared_flag, [&] {
      const size_t n = batch.articles.size();
      if (text_) {
        batch.texts.assign(n, {});
        batch.error_codes.assign(n, {});
        batch.group_starts = group_starts(batch);
      } else {
        batch.records.assign(n, {});
      }
    });
    if (text_) {
      const auto& starts = batch.group_starts;
      for (size_t g = (*batch.next_item)++; g + 1 < starts.size(); g = (*batch.next_item)++) {
        const size_t i = starts[g], k = starts[g + 1] - i;
        size_t bytes = 0;
        for (size_t j = i; j < i + k; ++j) bytes += batch.articles[j].text.size() + batch.articles[j].title.size();
        one_large_at_a_time(bytes, [&] {
          pipeline_.process_texts(std::span<Article>(batch.articles).subspan(i, k),
                                  std::span<std::string>(batch.texts).subspan(i, k),
                                  std::span<std::vector<std::string>>(batch.error_codes).subspan(i, k));
        });
      }
      return;
    }
    for (size_t i = (*batch.next_item)++; i < batch.articles.size(); i = (*batch.next_item)++)
      one_large_at_a_time(batch.articles[i].text.size() + batch.articles[i].title.size(),
                          [&] { batch.records[i] = pipeline_.process(std::move(batch.articles[i])); });
  }

  // Runs `work` on `bytes` of text; from options_.exclusive_article_bytes on, alone among the
  // large ones, then hands the freed memory back (glibc keeps it per thread otherwise, and the
  // next large article, on another worker, would take as much again).
  template <class Work>
  void one_large_at_a_time(size_t bytes, Work&& work) {
    if (bytes < options_.exclusive_article_bytes) {
      work();
      return;
    }
    std::lock_guard<std::mutex> one(large_article_);
    work();
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
  }

  void write(Batch& batch) {
    for (size_t i = 0; text_ && i < batch.texts.size(); ++i) {
      ++stats_.processed;
      if (!batch.error_codes[i].empty()) ++stats_.failed;
      for (const auto& code : batch.error_codes[i]) ++stats_.errors_by_code[code];
      options_.text_sink(batch.texts[i]);
    }
    for (auto& r : batch.records) {
      ++stats_.processed;
      const auto& errs = r["errors"];
      if (!errs.empty()) {
        ++stats_.failed;
        for (const auto& e : errs) ++stats_.errors_by_code[e.value("code", "unknown")];
      }
      sink_(r);
    }
    report_progress();
  }

  void report_progress() {
    if (!options_.progress) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_progress_ <= std::chrono::milliseconds(500)) return;
    last_progress_ = now;
    const double secs = std::chrono::duration<double>(now - t0_).count();
    const double mbps = double(reader_.bytes_read()) / 1e6 / std::max(secs, 1e-9);
    std::string eta;
    if (reader_.known_input_bytes() > 0 && mbps > 0) {
      const double left = double(reader_.known_input_bytes() - std::min(reader_.known_input_bytes(), reader_.bytes_read())) / 1e6 / mbps;
      eta = ", " + std::to_string(int(left)) + " s left";
    }
    std::fprintf(stderr, "\r%llu articles, %.1f MB/s%s   ", (unsigned long long)stats_.processed, mbps, eta.c_str());
  }

  ArticleReader& reader_;
  Pipeline& pipeline_;
  const RecordSink& sink_;
  const RunOptions& options_;
  const unsigned threads_;
  const bool text_;
  RunStats stats_;
  std::chrono::steady_clock::time_point t0_, last_progress_;
  std::mutex large_article_;  // held while a large article runs (one_large_at_a_time)
};

}  // namespace

RunStats run_articles(ArticleReader& reader, Pipeline& pipeline, const RecordSink& sink, const RunOptions& options) {
  return BatchRunner(reader, pipeline, sink, options).run();
}

}  // namespace news
