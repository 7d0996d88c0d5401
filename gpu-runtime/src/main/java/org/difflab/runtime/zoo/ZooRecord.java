package org.difflab.runtime.zoo;

/**
 * What training a {@link ZooEntry} produced, as the zoo's cache manifest records it.
 *
 * @param recipe               the entry's {@link ZooEntry#recipe()} when it was trained
 * @param sha256               SHA-256 (hex) of the cached checkpoint, checked on every load
 * @param parameters           trainable parameters of the network
 * @param trainSeconds         wall time of the training iterations
 * @param trainCpuSeconds      CPU time of the training thread over those iterations (one intra-op thread: all of the
 *                             training's CPU time); below the wall time when other work shares the cores
 * @param trainLoss            mean training loss over the last tenth of the iterations (per pixel, squared noise error)
 * @param heldOutLoss          the EMA network's loss on the held-out set (same units)
 * @param secondsPerEvaluation median wall time of one forward pass on a batch of 64 (measured after training)
 */
public record ZooRecord(String recipe, String sha256, long parameters, double trainSeconds, double trainCpuSeconds, double trainLoss,
        double heldOutLoss, double secondsPerEvaluation) {}
