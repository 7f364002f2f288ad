# Prongsai in a container, for offices on Windows or macOS (see README: "Docker").
#   docker build -t prongsai .                      # the image that builds and publishes sites
#   docker build -t prongsai-test --target test .   # plus Chromium, for the whole test suite
#   docker run --rm -v "$PWD:/work" prongsai build  # in the folder that holds content/
FROM python:3.13-slim-bookworm AS base
ENV PYTHONDONTWRITEBYTECODE=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /opt/prongsai
COPY requirements.txt pyproject.toml README.md mkdocs.yml ./
COPY generator ./generator
COPY theme_overrides ./theme_overrides
RUN pip install -r requirements.txt && pip install --no-deps . && rm -rf /opt/prongsai/build
WORKDIR /work
ENTRYPOINT ["prongsai"]
CMD ["--help"]

# The test stage: the checkout, the test tools and Debian's Chromium for the browser tests.
FROM base AS test
RUN apt-get update && apt-get install -y --no-install-recommends chromium make \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/prongsai
COPY . .
RUN pip install -r requirements-dev.txt
ENV PRONGSAI_CHROMIUM=/usr/bin/chromium
ENTRYPOINT []
CMD ["python", "-m", "pytest"]
