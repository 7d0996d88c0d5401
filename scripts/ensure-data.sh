#!/usr/bin/env bash
# Installs Fashion-MNIST (Debian's package dataset-fashion-mnist: the four IDX files under
# /usr/share/datasets/fashion-mnist) when it is missing and no other folder is named by DIFFLAB_FASHION_MNIST (sourced
# by scripts/test.sh and, for 'difflab train', by ./difflab; org.difflab.runtime.data.FashionMnist reads the files).
# When it cannot be installed it says so, naming the package, and goes on: the reader then names the missing file.
fashion_mnist_dir="${DIFFLAB_FASHION_MNIST:-/usr/share/datasets/fashion-mnist}"
if [ ! -f "$fashion_mnist_dir/t10k-labels-idx1-ubyte.gz" ] && [ -z "${DIFFLAB_FASHION_MNIST:-}" ]; then
  echo "Fashion-MNIST is missing: installing Debian's package dataset-fashion-mnist" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo_cmd=(); else sudo_cmd=(sudo); fi
  if ! { "${sudo_cmd[@]}" apt-get update -qq && "${sudo_cmd[@]}" apt-get install -y -qq dataset-fashion-mnist; } >&2; then
    echo "warning: Debian's package dataset-fashion-mnist could not be installed; install it with" \
      "'sudo apt-get install dataset-fashion-mnist' or set DIFFLAB_FASHION_MNIST to a folder with the four" \
      "Fashion-MNIST IDX files (train/t10k-images-idx3-ubyte.gz, train/t10k-labels-idx1-ubyte.gz)" >&2
  fi
fi
