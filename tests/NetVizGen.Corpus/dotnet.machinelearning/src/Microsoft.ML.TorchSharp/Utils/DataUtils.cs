// Licensed to the .NET Foundation under one or more agreements.
// The .NET Foundation licenses this file to you under the MIT license.
// See the LICENSE file in the project root for more information.

using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using System.Linq;
using System.Text;
// using Microsoft.ML.Runtime; // Corpus fix: ML.NET core is not referenced (see below).
using TorchSharp;

namespace Microsoft.ML.TorchSharp.Utils
{
    internal class DataUtils
    {
        // Corpus fix: CollateTokens and CopyTensor (batching token lists, checked with ML.NET's Contracts) are
        // removed: ML.NET core is not referenced and the models here do not call them. The Concat overloads are kept.

        public static T[] Concat<T>(ReadOnlySpan<T> s1, ReadOnlySpan<T> s2)
        {
            var array = new T[s1.Length + s2.Length];
            s1.CopyTo(array);
            s2.CopyTo(array.AsSpan(s1.Length));
            return array;
        }

        public static T[] Concat<T>(ReadOnlySpan<T> s1, ReadOnlySpan<T> s2, ReadOnlySpan<T> s3)
        {
            var array = new T[s1.Length + s2.Length + s3.Length];
            s1.CopyTo(array);
            s2.CopyTo(array.AsSpan(s1.Length));
            s3.CopyTo(array.AsSpan(s1.Length + s2.Length));
            return array;
        }

        public static T[] Concat<T>(ReadOnlySpan<T> s1, T s2)
        {
            var array = new T[s1.Length + 1];
            s1.CopyTo(array);
            array.AsSpan(s1.Length)[0] = s2;
            return array;
        }

        public static T[] Concat<T>(ReadOnlySpan<T> s1, T s2, T s3)
        {
            var array = new T[s1.Length + 2];
            s1.CopyTo(array);
            array.AsSpan(s1.Length)[0] = s2;
            array.AsSpan(s1.Length + 1)[0] = s3;
            return array;
        }
    }
}
