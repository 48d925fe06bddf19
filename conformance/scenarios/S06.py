# S06: thread churn. 2,000 short threads, one after another; the main thread
# waits for each before starting the next.
import _thread

done = _thread.allocate_lock()
total = [0]


def work(i):
    total[0] += i
    done.release()


for i in range(2000):
    done.acquire()
    _thread.start_new_thread(work, (i,))
done.acquire()
print("total", total[0])
