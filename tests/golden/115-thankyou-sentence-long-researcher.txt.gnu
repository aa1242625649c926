corpus/115-thankyou-sentence-long-researcher.txt:3:72: note: This sentence has 50 words; split it into two or three shorter ones so the reader gets the point on the first pass. [FollowUp.SentenceLength]
# exit 0
