# syntax=docker/dockerfile:1
# <- keyword.directive
# ^ keyword.directive
#        ^ string.special
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
# <- keyword
#    ^ attribute
#              ^ operator
#               ^ punctuation.special
#                ^ variable
#                              ^ string.special
#                                    ^ punctuation.delimiter
#                                     ^ string.special
#                                          ^ keyword
#                                             ^ label
ARG VERSION=1.0
# <- keyword
#   ^ variable
#          ^ operator
#           ^ string
ENV PATH="/go/bin:$PATH" MODE=prod
# <- keyword
#   ^ variable
#        ^ string
#                 ^ punctuation.special
#                  ^ variable
#                        ^ variable
#                             ^ string
LABEL org.opencontainers.image.title="app"
# <- keyword
#     ^ property
#                                    ^ string
WORKDIR /src
# <- keyword
#       ^ string.special.path
COPY --from=build --chmod=755 /out/app /usr/local/bin/
# <- keyword
#    ^ attribute
#           ^ string
#                             ^ string.special.path
#                                      ^ string.special.path
RUN --mount=type=cache,target=/root/.cache go build ./...
# <- keyword
#   ^ attribute
#           ^ property
#                ^ string
#                     ^ punctuation.delimiter
#                      ^ property
EXPOSE 8080/tcp
# <- keyword
#      ^ number
USER app:app
# <- keyword
#    ^ string
#       ^ punctuation.delimiter
VOLUME ["/data"]
# <- keyword
#      ^ punctuation.bracket
#       ^ string
#              ^ punctuation.bracket
HEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost/"]
# <- keyword
#           ^ attribute
#                      ^ string
#                          ^ keyword
#                                     ^ punctuation.delimiter
STOPSIGNAL SIGTERM
# <- keyword
#          ^ string
SHELL ["/bin/bash", "-c"]
# <- keyword
#      ^ string
ONBUILD RUN make
# <- keyword
#       ^ keyword
MAINTAINER Jane Doe
# <- keyword
#          ^ string
ENTRYPOINT ["/app"]
# <- keyword
CMD ["--port", "8080"] ignored
# <- keyword
#                      ^ comment
HEALTHCHECK NONE
# <- keyword
#           ^ keyword
FORM alpine
# <- keyword
# a comment
# <- comment
#   ^ comment
