# Prongsai in a container, for offices on Windows or macOS (see README: "Docker").
#   docker build -t prongsai .                      # the image that builds and publishes sites
#   docker build -t prongsai-test --target test .   # plus Chromium, for the whole test suite
#   docker run --rm -v "$PWD:/work" prongsai build  # in the folder that holds content/
# Debian slim with Debian's own Python 3.11, the oldest the project supports; the program lives in a
# venv (Debian's python3 refuses pip installs of its own, PEP 668). No engine ran where this was
# written: `sudo python3 tools/dockerfile_check.py` carries these steps out in a debootstrap root.
# PYTHAINLP_READ_ONLY: PyThaiNLP otherwise makes ~/pythainlp-data at import, which fails (a traceback)
# under `docker run --user`, where HOME is / ; Prongsai uses only the data PyThaiNLP ships.
# libicu72: ICU, which tells the build where a browser would break a line of Thai (generator/icu_lines.py).
FROM debian:bookworm-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 PYTHAINLP_READ_ONLY=1 \
    PATH=/opt/prongsai/venv/bin:$PATH
RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-venv libicu72 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/prongsai
COPY requirements.txt pyproject.toml README.md mkdocs.yml ./
COPY generator ./generator
COPY theme_overrides ./theme_overrides
RUN python3 -m venv /opt/prongsai/venv && pip install -r requirements.txt && pip install --no-deps . \
    && rm -rf /opt/prongsai/build
WORKDIR /work
ENTRYPOINT ["prongsai"]
CMD ["--help"]

# The test stage: the checkout, the test tools and Debian's Chromium for the browser tests
# (libatomic1: Playwright's Node.js driver needs it and slim Debian lacks it).
FROM base AS test
RUN apt-get update && apt-get install -y --no-install-recommends chromium libatomic1 make \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/prongsai
COPY . .
RUN pip install -r requirements-dev.txt
ENV PRONGSAI_CHROMIUM=/usr/bin/chromium
ENTRYPOINT []
CMD ["python", "-m", "pytest"]
