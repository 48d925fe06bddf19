# 200 short _thread threads; the main thread polls a list until all are done.
import _thread

done = []


def work(i):
    done.append(i)


for i in range(200):
    _thread.start_new_thread(work, (i,))
while len(done) < 200:
    pass
print(len(done))
