// The CLI's commands besides extraction.
#pragma once

#include "pipeline.hpp"
#include "runner.hpp"

namespace news::cli {
int run_check(int argc, char** argv, const char* argv0);
int run_explain(int argc, char** argv, const char* argv0);
void print_profile(const Pipeline& pipeline, const RunStats& stats);
}  // namespace news::cli
